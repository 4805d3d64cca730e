using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Loyalty.DevHost.Queues;

/// <summary>
/// The queue service a trigger's <c>Connection</c> names: a connection string setting (or <c>ConnectionStrings</c> entry),
/// or <c>{name}__queueServiceUri</c> with a credential; no connection (or an unset one) falls back to <c>AzureWebJobsStorage</c>.
/// </summary>
public static class QueueConnections
{
    public const string Default = "AzureWebJobsStorage";

    public static QueueServiceClient Create(IConfiguration configuration, string? connection, bool base64)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new QueueClientOptions { MessageEncoding = base64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None };
        foreach (var name in new[] { connection, Default }.Where(n => !string.IsNullOrEmpty(n)).Distinct())
        {
            var section = configuration.GetSection(name!);
            var connectionString = section.Value ?? configuration.GetConnectionString(name!);
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                return new QueueServiceClient(connectionString, options);
            }

            if (section["queueServiceUri"] is { Length: > 0 } uri)
            {
                return new QueueServiceClient(new Uri(uri), new DefaultAzureCredential(), options);
            }
        }

        throw new InvalidOperationException($"No storage connection for queue triggers: set '{connection ?? Default}' (or '{Default}') to a connection string.");
    }
}
