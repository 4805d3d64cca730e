namespace Loyalty.EndToEnd.Tests.Hosting;

public sealed record TestTenant(string TenantId, string AdminKey, string PosKey);
