using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Programs;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Programs;

public sealed class ProgramFunctions(ApiAuthenticator auth, ProgramService programs, TimeProvider time)
{
    [Function("GetProgram")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/program")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var program = await programs.GetAsync(caller.Value.TenantId, cancellationToken);
        return View(program, StatusCodes.Status200OK);
    }

    /// <summary>Replaces the rules. <c>If-Match: "3"</c> (the version read) turns a lost update into a 409.</summary>
    [Function("PutProgram")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/program")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var expected = ParseIfMatch(req);
        if (!expected.IsSuccess)
        {
            return Problem.Result(expected.Error, req);
        }

        var rules = await RequestBody.ReadAsync<ProgramRules>(req, cancellationToken);
        if (!rules.IsSuccess)
        {
            return Problem.Result(rules.Error, req);
        }

        var saved = await programs.SaveAsync(caller.Value.TenantId, rules.Value, expected.Value, $"key:{caller.Value.KeyId}", cancellationToken);
        return saved.ToHttp(req, p => View(p, StatusCodes.Status200OK));
    }

    /// <summary>Evaluates a basket against the current rules (or proposed ones) and explains each line. Changes nothing.</summary>
    [Function("PreviewProgram")]
    public async Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/program/preview")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<PreviewRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var preview = await programs.PreviewAsync(caller.Value.TenantId, body.Value.ToPreview(time.GetUtcNow()), cancellationToken);
        return preview.ToHttp(req, ApiResult.Ok);
    }

    /// <summary>The member-readable rules summary (积分细则), generated from the current configuration.</summary>
    [Function("GetProgramTerms")]
    public async Task<IActionResult> Terms(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/program/terms")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var language = req.Query["lang"].ToString() is { Length: > 0 } lang ? lang : "zh-CN";
        if (!ProgramTerms.Languages.Contains(language))
        {
            return Problem.Result(Error.BadRequest("unsupported-language", $"lang must be one of: {string.Join(", ", ProgramTerms.Languages)}.", "lang"), req);
        }

        var program = await programs.GetAsync(caller.Value.TenantId, cancellationToken);
        return ApiResult.Ok(ProgramTerms.Render(program, language));
    }

    private static ApiResult View(LoyaltyProgram program, int status) =>
        new ApiResult(status, new { program.Version, program.UpdatedAt, program.UpdatedBy, program.Rules })
            .WithHeader("ETag", $"\"{program.Version.ToString(CultureInfo.InvariantCulture)}\"");

    private static Result<int?> ParseIfMatch(HttpRequest req)
    {
        var header = req.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return Result<int?>.Ok(null);
        }

        return int.TryParse(header.Trim('"', 'W', '/'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? Result<int?>.Ok(version)
            : Error.BadRequest("invalid-if-match", "If-Match must be the program version in quotes, e.g. \"3\".", "If-Match");
    }
}
