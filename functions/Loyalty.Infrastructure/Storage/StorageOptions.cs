namespace Loyalty.Infrastructure.Storage;

/// <summary>Where the app keeps its data. Either a connection string (Azurite, local) or service URIs with a managed identity (Azure).</summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty uses the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>managedidentity</c> (as the Functions host reads it): without a client id, the system-assigned identity.</summary>
    public string? Credential { get; set; }

    /// <summary>Prepended to every table name so several environments (or test runs) can share one account.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    public string AccrualQueueName { get; set; } = "accrual";
}
