using Azure.Core;
using Azure.Identity;

namespace Loyalty.Infrastructure.Identity;

/// <summary>
/// The credential for an identity-based connection, read the way the Functions host reads its own
/// (<c>{connection}__credential</c> and <c>{connection}__clientId</c>), so one set of app settings serves both.
/// </summary>
public static class ConnectionCredential
{
    public const string ManagedIdentity = "managedidentity";

    public static TokenCredential Create(string? clientId, string? credential)
    {
        if (!string.IsNullOrEmpty(clientId))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        // Without a client id, "managedidentity" means the system-assigned identity; anything else (a developer's
        // machine) gets the default chain: Azure CLI, Visual Studio, environment...
        return string.Equals(credential, ManagedIdentity, StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
    }
}
