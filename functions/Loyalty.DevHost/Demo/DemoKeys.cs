using System.Text;

namespace Loyalty.DevHost.Demo;

/// <summary>The demo tenant's keys, kept in <c>.devhost/demo-keys.json</c> (git-ignored) so every start prints the same ones.</summary>
public sealed record DemoKeys(string TenantId, string AdminKey, string PosKey, DateTimeOffset CreatedAt)
{
    public string Describe(string baseUrl)
    {
        var text = new StringBuilder();
        text.AppendLine($"Demo tenant '{TenantId}':");
        text.AppendLine($"  admin key: {AdminKey}");
        text.AppendLine($"  pos key:   {PosKey}");
        text.AppendLine("Try:");
        text.AppendLine($"  curl -s -X POST {baseUrl}/api/v1/members -H 'X-Api-Key: {PosKey}' -H 'Content-Type: application/json' -d '{{\"memberId\":\"m-1001\",\"name\":\"Li Lei\"}}'");
        text.Append($"  curl -s {baseUrl}/api/v1/members/m-1001 -H 'X-Api-Key: {PosKey}'");
        return text.ToString();
    }
}
