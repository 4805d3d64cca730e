using Loyalty.Core.Common;
using Loyalty.Core.Tenants;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Http;

/// <summary>Turns the <c>X-Api-Key</c> header into the calling tenant and checks the key's scope.</summary>
public sealed class ApiAuthenticator(TenantService tenants)
{
    public const string Header = "X-Api-Key";

    /// <summary>The caller, or a 401 (no or unknown key) / 403 (key of the wrong scope) problem.</summary>
    public async Task<Result<TenantCaller>> AuthenticateAsync(HttpRequest request, params ApiKeyScope[] allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        var secret = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(secret))
        {
            return KeyRequired;
        }

        var caller = await tenants.AuthenticateAsync(secret, request.HttpContext.RequestAborted);
        if (caller is null)
        {
            return KeyInvalid;
        }

        return caller.Allows(allowed) ? caller : ScopeNotAllowed(caller.Scope, allowed);
    }

    public static Error KeyRequired { get; } = new(ErrorKind.Unauthorized, "api-key-required", $"Send a tenant API key in the {Header} header.");

    public static Error KeyInvalid { get; } = new(ErrorKind.Unauthorized, "api-key-invalid", "The API key is unknown or revoked.");

    /// <param name="allowed">The scopes the route names; admin may always.</param>
    public static Error ScopeNotAllowed(ApiKeyScope scope, IEnumerable<ApiKeyScope> allowed) =>
        new(ErrorKind.Forbidden, "scope-not-allowed", $"A key with scope '{Name(scope)}' may not do this; it needs one of: {string.Join(", ", allowed.Append(ApiKeyScope.Admin).Distinct().Select(Name))}.");

    private static string Name(ApiKeyScope scope) => scope.ToString().ToLowerInvariant();
}
