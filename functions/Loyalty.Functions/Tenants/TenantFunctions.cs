using Loyalty.Core.Audit;
using Loyalty.Core.Common;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Loyalty.Functions.Tenants;

public sealed record CreateTenantRequest(string? TenantId, string? Name);

public sealed record CreateKeyRequest(ApiKeyScope? Scope, string? Name);

public sealed record KeyView(string KeyId, ApiKeyScope Scope, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Secret = null)
{
    public static KeyView From(ApiKey key, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.KeyId, key.Scope, key.Name, key.CreatedAt, key.RevokedAt, secret);
    }
}

/// <summary>Tenant onboarding (guarded by the bootstrap secret) and a tenant's own key management (admin keys).</summary>
public sealed class TenantFunctions(ApiEndpoint endpoint, TenantService tenants, IApiKeyStore keys, AdminAudit audit, IOptions<BootstrapOptions> bootstrap, TimeProvider time)
{
    public const string BootstrapHeader = "X-Bootstrap-Secret";

    [Function("CreateTenant")]
    public async Task<IActionResult> CreateTenant(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/admin/tenants")] HttpRequest req, CancellationToken cancellationToken)
    {
        var configured = bootstrap.Value;
        if (!configured.IsEnabled || !ApiKeySecrets.FixedTimeEquals(configured.Secret!, req.Headers[BootstrapHeader].ToString()))
        {
            return Problem.Result(new Error(ErrorKind.Unauthorized, "bootstrap-secret-invalid", $"Send the configured bootstrap secret (at least {BootstrapOptions.MinSecretLength} characters) in {BootstrapHeader}."), req);
        }

        var body = await RequestBody.ReadAsync<CreateTenantRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var created = await tenants.CreateTenantAsync(body.Value.TenantId ?? string.Empty, body.Value.Name ?? string.Empty, cancellationToken);
        return created.ToHttp(req, c => ApiResult.Created(
            new CreatedTenant(c.Tenant.TenantId, c.Tenant.Name, c.Tenant.CreatedAt, KeyView.From(c.AdminKey.Key, c.AdminKey.Secret)),
            "/api/v1/keys"));
    }

    [Function("CreateApiKey")]
    public Task<IActionResult> CreateKey(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/keys")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<CreateKeyRequest>(req, [ApiKeyScope.Admin], async (caller, body) =>
        {
            if (body.Scope is not { } scope || string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
            {
                return Problem.Result(Error.Validation([.. ValidateKey(body)]), req);
            }

            var issued = await tenants.IssueKeyAsync(caller.TenantId, scope, body.Name.Trim(), cancellationToken);
            await audit.RecordAsync(AuditRecord.Issued(caller, issued.Key), cancellationToken);
            return ApiResult.Created(KeyView.From(issued.Key, issued.Secret), "/api/v1/keys");
        }, cancellationToken);

    [Function("ListApiKeys")]
    public Task<IActionResult> ListKeys(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/keys")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
            ApiResult.Ok(new KeyList([.. (await keys.ListAsync(caller.TenantId, cancellationToken)).Select(k => KeyView.From(k))])));

    [Function("RevokeApiKey")]
    public Task<IActionResult> RevokeKey(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "v1/keys/{keyId}")] HttpRequest req, string keyId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var wellFormed = keyId.Length is > 0 and <= 32 && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
            if (!wellFormed || await keys.RevokeAsync(caller.TenantId, keyId, time.GetUtcNow(), cancellationToken) is not { } revoked)
            {
                return Problem.Result(Error.NotFound("api-key-not-found", $"No key '{keyId}'."), req);
            }

            await audit.RecordAsync(AuditRecord.Revoked(caller, revoked), cancellationToken);
            return ApiResult.NoContent();
        });

    private static IEnumerable<FieldError> ValidateKey(CreateKeyRequest request)
    {
        if (request.Scope is null)
        {
            yield return new FieldError("scope", "required", "scope is required: pos, storefront or admin.");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            yield return new FieldError("name", "length", "name is required, at most 100 characters.");
        }
    }
}
