using System.Text.Encodings.Web;
using System.Text.Json;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.OpenApi;

/// <summary>
/// Serves the OpenAPI document generated from the code (<see cref="OpenApiDocumentGenerator"/>). Anonymous, so client
/// generators and API portals can fetch it without a key: it describes the API and holds no tenant data.
/// </summary>
public sealed class OpenApiFunctions
{
    // Generated once per process: the document follows from the build and never changes while the app runs.
    // Readable prose (会员积分, not \u4F1A...): the document is served as JSON, never embedded in HTML.
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<ReadOnlyMemory<byte>> Document = new(() => JsonSerializer.SerializeToUtf8Bytes(OpenApiDocumentGenerator.Generate().Document, Writer));

    private readonly ReadOnlyMemory<byte> _document = Document.Value;

    [Function("GetOpenApiDocument")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        new Utf8JsonResult(_document, TimeSpan.FromMinutes(5));
}
