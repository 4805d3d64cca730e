using System.Text;

namespace Loyalty.DevHost.Demo;

/// <summary>The demo tenant's keys, kept in <c>.devhost/demo-keys.json</c> (git-ignored) so every start prints the same ones.</summary>
/// <param name="StorefrontKey">Null in a keys file written before storefront keys were issued; such a file is replaced.</param>
public sealed record DemoKeys(string TenantId, string AdminKey, string PosKey, string? StorefrontKey, DateTimeOffset CreatedAt)
{
    /// <param name="bootstrapSecret">Where the bootstrap secret for creating more tenants comes from.</param>
    public string Describe(string baseUrl, string bootstrapSecret)
    {
        var text = new StringBuilder();
        text.AppendLine($"Demo tenant '{TenantId}':");
        text.AppendLine($"  admin key:      {AdminKey}");
        text.AppendLine($"  pos key:        {PosKey}");
        text.AppendLine($"  storefront key: {StorefrontKey}");
        text.AppendLine($"Bootstrap secret (X-Bootstrap-Secret for POST /api/v1/admin/tenants): {bootstrapSecret}");
        text.AppendLine("Try:");
        text.AppendLine($"  curl -s -X POST {baseUrl}/api/v1/members -H 'X-Api-Key: {PosKey}' -H 'Content-Type: application/json' -d '{{\"memberId\":\"m-1001\",\"name\":\"Li Lei\"}}'");
        text.Append($"  curl -s {baseUrl}/api/v1/members/m-1001 -H 'X-Api-Key: {PosKey}'");
        return text.ToString();
    }
}
