using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Invocation;
using Loyalty.DevHost.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Loyalty.DevHost.Queues;

/// <summary>
/// Polls one queue for one function like the Functions queue listener: batches of <c>batchSize</c>, a new batch once
/// no more than <c>newBatchThreshold</c> are in flight, back-off up to <c>maxPollingInterval</c> while empty, a failed
/// message retried after <c>visibilityTimeout</c>, and moved to <c>{queue}-poison</c> after <c>maxDequeueCount</c> attempts.
/// </summary>
public sealed class QueueTriggerListener(
    FunctionDescriptor function,
    QueueFunctionTrigger trigger,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    /// <summary>A message is leased this long while its function runs; ample for a dev machine.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly QueueHostOptions _options = QueueHostOptions.Read(configuration);
    private readonly FunctionInvoker _invoker = services.GetRequiredService<FunctionInvoker>();

    public string QueueName { get; } = new SettingResolver(configuration).Resolve(trigger.QueueName).ToLowerInvariant();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var service = QueueConnections.Create(configuration, trigger.Connection, _options.Base64);
        var queue = service.GetQueueClient(QueueName);
        var poison = service.GetQueueClient(QueueName + "-poison");
        await CreateWhenReachableAsync(queue, stoppingToken);
        logger.LogInformation("{Function}: listening on queue {Queue}", function.Name, QueueName);

        var inFlight = new List<Task>();
        var delay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > _options.NewBatchThreshold)
            {
                await Task.WhenAny(inFlight);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(_options.BatchSize, Lease, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning("{Function}: cannot read queue {Queue}: {Message}", function.Name, QueueName, ex.Message);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Sleep(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollingInterval.Ticks));
                continue;
            }

            delay = MinPollingInterval;
            inFlight.AddRange(messages.Select(m => ProcessAsync(queue, poison, m, stoppingToken)));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, stoppingToken);
                return;
            }

            await using var scope = services.CreateAsyncScope();
            await _invoker.InvokeAsync(function, scope.ServiceProvider, new QueueTriggerBinder(trigger.Parameter!, message), (int)message.DequeueCount - 1, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the message comes back, as with the real host.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{Function}: message {MessageId} failed (attempt {Attempt} of {Max})", function.Name, message.MessageId, message.DequeueCount, _options.MaxDequeueCount);
            await ReleaseAfterFailureAsync(queue, poison, message);
        }
    }

    private async Task ReleaseAfterFailureAsync(QueueClient queue, QueueClient poison, QueueMessage message)
    {
        try
        {
            if (message.DequeueCount >= _options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, CancellationToken.None);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (RequestFailedException ex)
        {
            // The lease ran out or the message is gone; it reappears (or not) on its own.
            logger.LogWarning("{Function}: cannot release message {MessageId}: {Message}", function.Name, message.MessageId, ex.Message);
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        logger.LogWarning("{Function}: message {MessageId} moved to {Poison} after {Count} attempts", function.Name, message.MessageId, poison.Name, message.DequeueCount);
    }

    private async Task CreateWhenReachableAsync(QueueClient queue, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                return;
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning("{Function}: queue {Queue} not reachable yet ({Message}); retrying", function.Name, QueueName, ex.Message);
            }
            catch (AggregateException ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("{Function}: storage not reachable yet ({Message}); retrying", function.Name, ex.InnerException?.Message ?? ex.Message);
            }

            await Sleep(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private static async Task Sleep(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the listener.
        }
    }
}
