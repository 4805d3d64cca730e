using Loyalty.Core.Common;
using Loyalty.Core.Tenants;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Functions.Http;

/// <summary>
/// The checks a tenant API function makes before its use case, always in this order: the API key and its scope, then
/// the Idempotency-Key header (for routes that take one), then the JSON body. The first failure is answered with its
/// problem document and the handler never runs.
/// </summary>
public sealed class ApiEndpoint(ApiAuthenticator auth)
{
    public async Task<IActionResult> RunAsync(HttpRequest req, ApiKeyScope[] scopes, Func<TenantCaller, Task<IActionResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var caller = await auth.AuthenticateAsync(req, scopes);
        return caller.IsSuccess ? await handle(caller.Value) : Problem.Result(caller.Error, req);
    }

    public Task<IActionResult> RunAsync<TBody>(HttpRequest req, ApiKeyScope[] scopes, Func<TenantCaller, TBody, Task<IActionResult>> handle, CancellationToken cancellationToken)
        where TBody : class
    {
        ArgumentNullException.ThrowIfNull(handle);
        return RunAsync(req, scopes, async caller =>
        {
            var body = await RequestBody.ReadAsync<TBody>(req, cancellationToken);
            return body.IsSuccess ? await handle(caller, body.Value) : Problem.Result(body.Error, req);
        });
    }

    /// <param name="idempotencyKey"><see cref="Headers.RequiredIdempotencyKey"/> or <see cref="Headers.OptionalIdempotencyKey"/>.</param>
    public Task<IActionResult> RunAsync(HttpRequest req, ApiKeyScope[] scopes, Func<HttpRequest, Result<string>> idempotencyKey, Func<TenantCaller, string, Task<IActionResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        ArgumentNullException.ThrowIfNull(handle);
        return RunAsync(req, scopes, async caller =>
        {
            var key = idempotencyKey(req);
            return key.IsSuccess ? await handle(caller, key.Value) : Problem.Result(key.Error, req);
        });
    }

    /// <param name="idempotencyKey"><see cref="Headers.RequiredIdempotencyKey"/> or <see cref="Headers.OptionalIdempotencyKey"/>.</param>
    public Task<IActionResult> RunAsync<TBody>(
        HttpRequest req,
        ApiKeyScope[] scopes,
        Func<HttpRequest, Result<string>> idempotencyKey,
        Func<TenantCaller, string, TBody, Task<IActionResult>> handle,
        CancellationToken cancellationToken)
        where TBody : class
    {
        ArgumentNullException.ThrowIfNull(handle);
        return RunAsync(req, scopes, idempotencyKey, async (caller, key) =>
        {
            var body = await RequestBody.ReadAsync<TBody>(req, cancellationToken);
            return body.IsSuccess ? await handle(caller, key, body.Value) : Problem.Result(body.Error, req);
        });
    }
}
