using Loyalty.Functions.OpenApi;
using Loyalty.Functions.Tests.Metadata;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.OpenApi;

public sealed class OpenApiFunctionsTests
{
    [Fact]
    public async Task The_function_serves_the_document_the_code_generates_as_json()
    {
        var request = Request("GET", "/api/openapi.json");

        var response = await ExecuteAsync(request, new OpenApiFunctions().Get(request));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(OpenApiDocumentTests.ReadDocument(), response.Json), "The served document differs from what OpenApiDocumentGenerator generates.");
        Assert.StartsWith("public, max-age=", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_is_served_without_a_function_key()
    {
        var function = FunctionMetadataTests.ReadMetadata().Single(f => f!["name"]!.GetValue<string>() == "GetOpenApiDocument")!;
        var trigger = function["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!;

        Assert.Equal(("Anonymous", "openapi.json"), (trigger["authLevel"]!.GetValue<string>(), trigger["route"]!.GetValue<string>()));
    }
}
