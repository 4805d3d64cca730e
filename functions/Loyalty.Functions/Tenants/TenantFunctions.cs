using Loyalty.Core.Common;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

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
public sealed class TenantFunctions(ApiAuthenticator auth, TenantService tenants, IApiKeyStore keys, IConfiguration configuration, TimeProvider time)
{
    public const string BootstrapHeader = "X-Bootstrap-Secret";

    [Function("CreateTenant")]
    public async Task<IActionResult> CreateTenant(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/admin/tenants")] HttpRequest req, CancellationToken cancellationToken)
    {
        var configured = configuration["Bootstrap:Secret"];
        var presented = req.Headers[BootstrapHeader].ToString();
        if (string.IsNullOrEmpty(configured) || configured.Length < 16 || !ApiKeySecrets.FixedTimeEquals(configured, presented))
        {
            return Problem.Result(new Error(ErrorKind.Unauthorized, "bootstrap-secret-invalid", $"Send the configured bootstrap secret (at least 16 characters) in {BootstrapHeader}."), req);
        }

        var body = await RequestBody.ReadAsync<CreateTenantRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var created = await tenants.CreateTenantAsync(body.Value.TenantId ?? string.Empty, body.Value.Name ?? string.Empty, cancellationToken);
        return created.ToHttp(req, c => ApiResult.Created(
            new { c.Tenant.TenantId, c.Tenant.Name, c.Tenant.CreatedAt, AdminKey = KeyView.From(c.AdminKey.Key, c.AdminKey.Secret) },
            "/api/v1/keys"));
    }

    [Function("CreateApiKey")]
    public async Task<IActionResult> CreateKey(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/keys")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<CreateKeyRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        if (body.Value.Scope is not { } scope || string.IsNullOrWhiteSpace(body.Value.Name) || body.Value.Name.Length > 100)
        {
            return Problem.Result(Error.Validation([.. ValidateKey(body.Value)]), req);
        }

        var issued = await tenants.IssueKeyAsync(caller.Value.TenantId, scope, body.Value.Name.Trim(), cancellationToken);
        return ApiResult.Created(KeyView.From(issued.Key, issued.Secret), "/api/v1/keys");
    }

    [Function("ListApiKeys")]
    public async Task<IActionResult> ListKeys(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/keys")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var list = await keys.ListAsync(caller.Value.TenantId, cancellationToken);
        return ApiResult.Ok(new { keys = list.Select(k => KeyView.From(k)) });
    }

    [Function("RevokeApiKey")]
    public async Task<IActionResult> RevokeKey(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "v1/keys/{keyId}")] HttpRequest req, string keyId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var wellFormed = keyId.Length is > 0 and <= 32 && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return wellFormed && await keys.RevokeAsync(caller.Value.TenantId, keyId, time.GetUtcNow(), cancellationToken)
            ? ApiResult.NoContent()
            : Problem.Result(Error.NotFound("api-key-not-found", $"No key '{keyId}'."), req);
    }

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
