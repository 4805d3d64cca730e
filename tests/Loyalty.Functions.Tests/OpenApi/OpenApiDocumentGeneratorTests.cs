using System.Text.Json.Nodes;
using Loyalty.Core.Lottery;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Loyalty.Functions.OpenApi;

namespace Loyalty.Functions.Tests.OpenApi;

/// <summary>What adding or changing a route costs: the generator names the route whose hand-kept entry is missing or wrong.</summary>
public sealed class OpenApiDocumentGeneratorTests
{
    private static readonly HttpFunction[] Functions =
        [.. HttpFunction.Discover(typeof(OpenApiFunctions).Assembly).Where(f => !OpenApiDocumentGenerator.OutsideTheApi.Contains(f.Name))];

    private static JsonObject Operation(JsonObject description, string operationId) => description["operations"]![operationId]!.AsObject();

    [Fact]
    public void A_route_without_a_description_entry_is_named_with_its_method_and_path()
    {
        var description = OpenApiDocumentGenerator.ReadDescription();
        description["operations"]!.AsObject().Remove("DrawLottery");

        var problems = OpenApiDocumentGenerator.Generate(description, Functions).Problems;

        Assert.Contains("POST v1/lotteries/{lotteryId}/draws (DrawLottery) has no entry under \"operations\" in api-description.json", problems);
    }

    [Fact]
    public void A_response_type_that_does_not_exist_is_named_with_its_route()
    {
        var description = OpenApiDocumentGenerator.ReadDescription();
        Operation(description, "DrawLottery")["responses"]!["201"]!["type"] = "NoSuchView";

        var problems = OpenApiDocumentGenerator.Generate(description, Functions).Problems;

        Assert.Contains("DrawLottery (POST v1/lotteries/{lotteryId}/draws) 201: type NoSuchView is no public type of Loyalty.Core or Loyalty.Functions", problems);
    }

    [Fact]
    public void An_entry_for_a_function_that_does_not_exist_and_an_entry_without_scopes_are_reported()
    {
        var description = OpenApiDocumentGenerator.ReadDescription();
        description["operations"]!["RemovedLongAgo"] = Operation(description, "GetLottery").DeepClone();
        Operation(description, "GetLottery").Remove("scopes");

        var problems = OpenApiDocumentGenerator.Generate(description, Functions).Problems;

        Assert.Contains("api-description.json describes RemovedLongAgo, which is no HTTP function", problems);
        Assert.Contains(problems, p => p.StartsWith("GetLottery (GET v1/lotteries/{lotteryId}): no \"scopes\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Routes_and_methods_come_from_the_trigger_attributes()
    {
        var document = OpenApiDocumentGenerator.Generate().Document;

        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key} {o.Value!["operationId"]}")).Order();

        Assert.Equal(Functions.SelectMany(f => f.Methods.Select(m => $"{m} /{f.Route} {f.Name}")).Order(), operations);
    }

    [Fact]
    public void The_lottery_request_shows_the_bounds_the_lottery_validator_checks()
    {
        var schema = OpenApiDocumentGenerator.Generate().Document["components"]!["schemas"]!["LotteryRequest"]!["properties"]!;

        Assert.Equal((LotteryBounds.CostPoints.Minimum, LotteryBounds.CostPoints.Maximum), (schema["costPoints"]!["minimum"]!.GetValue<decimal>(), schema["costPoints"]!["maximum"]!.GetValue<decimal>()));
        Assert.Equal((LotteryBounds.Prizes.Minimum, LotteryBounds.Prizes.Maximum), (schema["prizes"]!["minItems"]!.GetValue<decimal>(), schema["prizes"]!["maxItems"]!.GetValue<decimal>()));
    }

    [Fact]
    public void A_scope_left_out_gets_a_403_example_worded_as_the_authenticator_answers_it()
    {
        var operation = OpenApiDocumentGenerator.Generate().Document["paths"]!["/v1/lotteries/{lotteryId}/draws"]!["post"]!;

        var example = operation["responses"]!["403"]!["content"]!["application/problem+json"]!["examples"]!["wrongScope"]!["value"]!;

        Assert.Equal(ApiAuthenticator.ScopeNotAllowed(ApiKeyScope.Pos, [ApiKeyScope.Storefront]).Message, example["detail"]!.GetValue<string>());
        Assert.Equal(["storefront", "admin"], operation["x-api-key-scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }
}
