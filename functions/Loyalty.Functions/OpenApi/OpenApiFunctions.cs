using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.OpenApi;

/// <summary>
/// Serves the OpenAPI document kept in the repository (openapi.json, embedded in the assembly). Anonymous, so client
/// generators and API portals can fetch it without a key: it describes the API and holds no tenant data.
/// </summary>
public sealed class OpenApiFunctions
{
    public const string ResourceName = "Loyalty.Functions.openapi.json";

    // Read once per process: the document is part of the build and never changes while the app runs.
    private static readonly Lazy<ReadOnlyMemory<byte>> Document = new(Load);

    private readonly ReadOnlyMemory<byte> _document = Document.Value;

    [Function("GetOpenApiDocument")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        new Utf8JsonResult(_document, TimeSpan.FromMinutes(5));

    private static ReadOnlyMemory<byte> Load()
    {
        using var stream = typeof(OpenApiFunctions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
