using System.Globalization;
using Loyalty.Core.Audit;
using Loyalty.Core.Common;
using Loyalty.Core.Programs;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Programs;

public sealed class ProgramFunctions(ApiEndpoint endpoint, ProgramService programs, AdminAudit audit, TimeProvider time)
{
    [Function("GetProgram")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/program")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
            View(await programs.GetAsync(caller.TenantId, cancellationToken), StatusCodes.Status200OK));

    /// <summary>
    /// Replaces the rules. <c>If-Match: "3"</c> (the version read) is required: a stale one is a 412 instead of a lost
    /// update, none at all a 428; <c>If-Match: *</c> replaces whatever version is there.
    /// </summary>
    [Function("PutProgram")]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/program")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var expected = ParseIfMatch(req);
            if (!expected.IsSuccess)
            {
                return Problem.Result(expected.Error, req);
            }

            var rules = await RequestBody.ReadAsync<ProgramRules>(req, cancellationToken);
            return rules.IsSuccess
                ? await programs.SaveAsync(caller.TenantId, rules.Value, expected.Value, $"key:{caller.KeyId}", cancellationToken)
                    .AuditedAsync(audit, p => AuditRecord.Of(caller, p), cancellationToken)
                    .ToHttpAsync(req, p => View(p, StatusCodes.Status200OK))
                : Problem.Result(rules.Error, req);
        });

    /// <summary>Evaluates a basket against the current rules (or proposed ones) and explains each line. Changes nothing.</summary>
    [Function("PreviewProgram")]
    public Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/program/preview")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<PreviewRequest>(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], (caller, body) =>
            programs.PreviewAsync(caller.TenantId, body.ToPreview(time.GetUtcNow()), cancellationToken).ToHttpAsync(req, ApiResult.Ok), cancellationToken);

    /// <summary>The member-readable rules summary (积分细则), generated from the current configuration.</summary>
    [Function("GetProgramTerms")]
    public Task<IActionResult> Terms(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/program/terms")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            var language = req.Query["lang"].ToString() is { Length: > 0 } lang ? lang : "zh-CN";
            return ProgramTerms.Languages.Contains(language)
                ? ApiResult.Ok(ProgramTerms.Render(await programs.GetAsync(caller.TenantId, cancellationToken), language))
                : Problem.Result(Error.BadRequest("unsupported-language", $"lang must be one of: {string.Join(", ", ProgramTerms.Languages)}.", "lang"), req);
        });

    private static ApiResult View(LoyaltyProgram program, int status) =>
        new ApiResult(status, ProgramView.From(program))
            .WithHeader("ETag", $"\"{program.Version.ToString(CultureInfo.InvariantCulture)}\"");

    private static Result<int?> ParseIfMatch(HttpRequest req)
    {
        var header = req.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return Error.PreconditionRequired("if-match-required", "Send If-Match with the program version read (its ETag, e.g. \"3\"), or * to replace any version.", "If-Match");
        }

        if (header == "*")
        {
            return Result<int?>.Ok(null);
        }

        return int.TryParse(header.Trim('"', 'W', '/'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? Result<int?>.Ok(version)
            : Error.BadRequest("invalid-if-match", "If-Match must be the program version in quotes, e.g. \"3\".", "If-Match");
    }
}
