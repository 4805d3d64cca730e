namespace Loyalty.Infrastructure.Storage;

/// <summary>
/// How the app reaches its storage account, under the connection name the accrual queue trigger uses too: a connection
/// string (Azurite, local) or the service URIs with a managed identity (Azure), read as the Functions host reads its own.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "LoyaltyStorage";

    /// <summary>
    /// The section's own value (<c>LoyaltyStorage=...</c>, or <c>ConnectionStrings:LoyaltyStorage</c>): local runs only,
    /// never deployed. Not a bound key, hence the internal setter.
    /// </summary>
    public string? ConnectionString { get; internal set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty uses the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>managedidentity</c> (as the Functions host reads it): without a client id, the system-assigned identity.</summary>
    public string? Credential { get; set; }
}
