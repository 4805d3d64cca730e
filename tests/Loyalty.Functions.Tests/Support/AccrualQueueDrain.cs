using Azure.Storage.Queues;
using Loyalty.Functions.Purchases;
using Microsoft.DurableTask.Client;

namespace Loyalty.Functions.Tests.Support;

/// <summary>Takes every message off an accrual queue and runs the queue-triggered function on each, as the host would.</summary>
internal static class AccrualQueueDrain
{
    public static async Task<int> DrainAsync(QueueClient queue, PurchaseFunctions processor, DurableTaskClient client)
    {
        var count = 0;
        if (!(await queue.ExistsAsync()).Value)
        {
            return 0;
        }

        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32)).Value;
            if (messages.Length == 0)
            {
                return count;
            }

            foreach (var message in messages)
            {
                await processor.Process(message.Body.ToString(), client, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                count++;
            }
        }
    }
}
