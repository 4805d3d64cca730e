using System.Globalization;
using System.Text.Json.Nodes;
using Loyalty.Functions.Activities;
using Loyalty.Functions.Donations;
using Loyalty.Functions.Family;
using Loyalty.Functions.Freezes;
using Loyalty.Functions.Gifts;
using Loyalty.Functions.Lotteries;
using Loyalty.Functions.Members;
using Loyalty.Functions.OpenApi;
using Loyalty.Functions.Pos;
using Loyalty.Functions.Programs;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Redemptions;
using Loyalty.Functions.Referrals;
using Loyalty.Functions.Refunds;
using Loyalty.Functions.Tenants;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Moq;
using Microsoft.AspNetCore.Mvc;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Metadata;

/// <summary>
/// Every bound of <see cref="RequestBounds"/>, through the functions: the operation's documented example with one
/// number (or list length) just outside its bound must be refused with 422 naming that field. Together with the
/// document test this ties what openapi.json shows to what the API enforces.
/// </summary>
public sealed class RequestBoundsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly JsonObject Document = OpenApiDocumentTests.ReadDocument();

    /// <summary>Signed pushes cannot be built from an example; WebhookFunctionsTests sends a grant above its channel's cap.</summary>
    private static readonly string[] Signed = ["ReceiveWebhook"];

    private Dictionary<string, Func<HttpRequest, Task<IActionResult>>> Operations() => new()
    {
        ["AdjustMemberPoints"] = r => host.Function<MemberFunctions>().Adjust(r, "m-bounds", CancellationToken.None),
        ["PutProgram"] = r => host.Function<ProgramFunctions>().Put(r, CancellationToken.None),
        ["PreviewProgram"] = r => host.Function<ProgramFunctions>().Preview(r, CancellationToken.None),
        ["SubmitPurchase"] = r => host.Function<PurchaseFunctions>().Submit(r, CancellationToken.None),
        ["SubmitRefund"] = r => host.Function<RefundFunctions>().Submit(r, CancellationToken.None),
        ["QuotePoints"] = r => host.Function<PosFunctions>().Quote(r, CancellationToken.None),
        ["CreateHold"] = r => host.Function<PosFunctions>().Hold(r, CancellationToken.None),
        ["CreateTransfer"] = r => host.Function<FamilyFunctions>().Transfer(r, CancellationToken.None),
        ["Donate"] = r => host.Function<DonationFunctions>().Donate(r, CancellationToken.None),
        ["PutLottery"] = r => host.Function<LotteryFunctions>().Put(r, "bounds-lottery", CancellationToken.None),
        ["PutGift"] = r => host.Function<GiftFunctions>().Put(r, "bounds-gift", CancellationToken.None),
        ["AdjustGiftStock"] = r => host.Function<GiftFunctions>().AdjustStock(r, "bounds-gift", CancellationToken.None),
        ["LoadGiftCodes"] = r => host.Function<GiftFunctions>().LoadCodes(r, "bounds-gift", CancellationToken.None),
        ["GrantPoints"] = r => host.Function<ActivityFunctions>().Grant(r, CancellationToken.None),
        ["ConfigureWebhookChannel"] = r => host.Function<WebhookFunctions>().Configure(r, "bounds-channel", CancellationToken.None),
        ["IssueWeChatScene"] = r => host.Function<WeChatBindingFunctions>().IssueScene(r, "m-bounds", CancellationToken.None),
        ["RegisterMember"] = r => host.Function<MemberFunctions>().Register(r, NoDurable.Client, CancellationToken.None),
        ["NameMemberReferrer"] = r => host.Function<ReferralFunctions>().NameReferrer(r, NoDurable.Client, "m-bounds", CancellationToken.None),
        ["UpdateMember"] = r => host.Function<MemberProfileFunctions>().Patch(r, "m-bounds", CancellationToken.None),
        ["EraseMember"] = r => host.Function<MemberPrivacyFunctions>().Erase(r, "m-bounds", CancellationToken.None),
        ["MergeMember"] = r => host.Function<MemberMergeFunctions>().Merge(r, "m-bounds", CancellationToken.None),
        ["PutMemberPreferences"] = r => host.Function<MemberProfileFunctions>().PutPreferences(r, "m-bounds", CancellationToken.None),
        ["FreezeMember"] = r => host.Function<FreezeFunctions>().Freeze(r, "m-bounds", CancellationToken.None),
        ["UnfreezeMember"] = r => host.Function<FreezeFunctions>().Unfreeze(r, "m-bounds", CancellationToken.None),
        ["Share"] = r => host.Function<ActivityFunctions>().Share(r, "m-bounds", CancellationToken.None),
        ["CompleteTask"] = r => host.Function<ActivityFunctions>().CompleteTask(r, "m-bounds", "bounds-task", CancellationToken.None),
        ["InviteFamilyMember"] = r => host.Function<FamilyFunctions>().Invite(r, CancellationToken.None),
        ["AcceptFamilyInvitation"] = r => host.Function<FamilyFunctions>().Accept(r, "bounds-invitation", CancellationToken.None),
        ["PutCharityProject"] = r => host.Function<DonationFunctions>().PutProject(r, "bounds-project", CancellationToken.None),
        ["DrawLottery"] = r => host.Function<LotteryFunctions>().Draw(r, "bounds-lottery", CancellationToken.None),
        // Every case is refused before a fulfilment is started or told anything: a strict mock fails the call if it were.
        ["StartRedemption"] = r => host.Function<RedemptionFunctions>().Start(r, NoFulfilment(), CancellationToken.None),
        ["ShipRedemption"] = r => host.Function<RedemptionFunctions>().Ship(r, NoFulfilment(), "bounds-redemption", CancellationToken.None),
        ["CancelRedemption"] = r => host.Function<RedemptionFunctions>().Cancel(r, NoFulfilment(), "bounds-redemption", CancellationToken.None),
        ["BindWeChat"] = r => host.Function<WeChatBindingFunctions>().Bind(r, "m-bounds", CancellationToken.None),
        ["CreateTenant"] = r => host.Function<TenantFunctions>().CreateTenant(r, CancellationToken.None),
        ["CreateApiKey"] = r => host.Function<TenantFunctions>().CreateKey(r, CancellationToken.None),
    };

    private static DurableTaskClient NoFulfilment() => new Mock<DurableTaskClient>(MockBehavior.Strict, "bounds").Object;

    [Fact]
    public async Task A_number_just_outside_any_documented_bound_is_422_naming_the_field()
    {
        var tenant = await host.NewTenantAsync();
        var failures = new List<string>();
        foreach (var (operation, examples, route, bound) in Placements(RequestBounds.All, b => b.SchemaName, failures))
        {
            foreach (var (value, side) in Outside(bound))
            {
                var (body, field) = Build(examples, route, bound.Property, value, () => ItemFor(bound));
                var response = await SendAsync(tenant, operation, body);
                var fields = response.Body?["errors"]?.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList() ?? [];
                if (response.Status != 422 || !fields.Contains(field))
                {
                    failures.Add($"{operation} {field} {side} ({value.ToJsonString()}): {response.Status} {string.Join(", ", fields)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_text_longer_than_its_documented_length_is_422_naming_the_field_and_one_off_its_pattern_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        var failures = new List<string>();
        foreach (var (operation, examples, route, text) in Placements(RequestBounds.Texts, t => t.SchemaName, failures))
        {
            var cases = new List<(string Value, string Case, bool Length)> { (new string('7', text.Bound.MaxLength + 1), "too long", true) };
            if (text.Bound.Pattern is not null)
            {
                cases.Add(("not a pattern!", "off its pattern", false));
            }

            foreach (var (value, label, length) in cases)
            {
                var (body, field) = Build(examples, route, text.Property, JsonValue.Create(value)!);
                var response = await SendAsync(tenant, operation, body);
                var errors = response.Body?["errors"]?.AsArray().Select(e => (Field: e!["field"]!.GetValue<string>(), Rule: e["rule"]!.GetValue<string>())).ToList() ?? [];
                // A pattern's validator may name the list rather than the item.
                var named = length ? errors.Contains((field, "length")) : response.Status is >= 400 and < 500 && errors.Any(e => e.Field == field || field.StartsWith(e.Field + "[", StringComparison.Ordinal));
                if (!named || (length && response.Status != 422))
                {
                    failures.Add($"{operation} {field} {label}: {response.Status} {response.Code} {string.Join(", ", errors)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every place a request reaches a bound of <paramref name="catalog"/>: the operation, its examples and the property route.
    /// An operation missing from <see cref="Operations"/> and a bound no request reaches (signed pushes aside) are failures.
    /// </summary>
    private IEnumerable<(string OperationId, IReadOnlyList<JsonObject> Examples, IReadOnlyList<string> Route, T Bound)> Placements<T>(IReadOnlyList<T> catalog, Func<T, string> schema, List<string> failures)
    {
        var operations = Operations();
        var reached = new HashSet<T>();
        foreach (var (operationId, root, examples) in RequestOperations())
        {
            foreach (var bound in catalog)
            {
                foreach (var route in Routes(root, schema(bound), []))
                {
                    reached.Add(bound);
                    if (Signed.Contains(operationId))
                    {
                        continue;
                    }

                    if (!operations.ContainsKey(operationId))
                    {
                        failures.Add($"Add {operationId} to {nameof(Operations)}: its request has bounds.");
                        break;
                    }

                    yield return (operationId, examples, route, bound);
                }
            }
        }

        failures.AddRange(catalog.Except(reached).Select(b => $"{b} is on no request of the document."));
    }

    private Task<Response> SendAsync(TenantKeys tenant, string operationId, JsonObject body) =>
        CallAsync(
            Request("POST", "/api/v1/bounds", body.ToJsonString(), tenant.Admin, new Dictionary<string, string> { ["Idempotency-Key"] = "bounds-" + Guid.NewGuid().ToString("N"), ["If-Match"] = "*", [TenantFunctions.BootstrapHeader] = BootstrapSecret }),
            Operations()[operationId]);

    private static IEnumerable<(string OperationId, string Root, IReadOnlyList<JsonObject> Examples)> RequestOperations() =>
        OpenApiDocumentTests.DocumentOperations(Document)
            .Where(o => o.Operation["requestBody"] is not null)
            .Select(o =>
            {
                var media = o.Operation["requestBody"]!["content"]!["application/json"]!;
                var examples = media["examples"] is JsonObject named
                    ? named.Select(e => e.Value!["value"]!.AsObject()).ToList()
                    : [media["example"]!.AsObject()];
                return (o.Operation["operationId"]!.GetValue<string>(), Name(media["schema"]!)!, (IReadOnlyList<JsonObject>)examples);
            });

    /// <summary>The property paths from <paramref name="schema"/> to <paramref name="target"/>: <c>name</c>, <c>name[]</c> (a list item) or <c>name{}</c> (a map value).</summary>
    private static IEnumerable<IReadOnlyList<string>> Routes(string schema, string target, IReadOnlyList<string> path)
    {
        if (schema == target)
        {
            yield return path;
            yield break;
        }

        foreach (var (property, node) in Schema(schema)["properties"]?.AsObject() ?? [])
        {
            var steps = new[] { (property, Name(node!)), (property + "[]", node!["items"] is { } items ? Name(items) : null), (property + "{}", node!["additionalProperties"] is JsonObject values ? Name(values) : null) };
            foreach (var (step, child) in steps)
            {
                if (child is not null && !path.Contains(step))
                {
                    foreach (var route in Routes(child, target, [.. path, step]))
                    {
                        yield return route;
                    }
                }
            }
        }
    }

    /// <summary>The first values past each end of the bound, as the property's JSON type writes them.</summary>
    private static IEnumerable<(JsonNode Value, string Side)> Outside(SchemaBound bound)
    {
        var node = PropertyNode(bound);
        var b = bound.Bound;
        if (node["type"]!.GetValue<string>() == "array")
        {
            yield return (Count(b.Maximum + 1), "above");
            if (b.Minimum > 0)
            {
                yield return (Count(b.Minimum - 1), "below");
            }

            yield break;
        }

        var step = node["type"]!.GetValue<string>() == "integer" ? 1m : 0.01m;
        yield return (Number(b.ExclusiveMaximum ? b.Maximum : b.Maximum + step), "above");
        yield return (Number(b.ExclusiveMinimum ? b.Minimum : b.Minimum - step), "below");
    }

    private static JsonNode Number(decimal value) => JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;

    /// <summary>A list length, written as the count itself; <see cref="Build"/> turns it into that many items.</summary>
    private static JsonObject Count(decimal count) => new() { ["count"] = (int)count };

    /// <summary>The operation's example that already holds most of the route, with the bounded value put at its end, and the field the error must name.</summary>
    private static (JsonObject Body, string Field) Build(IReadOnlyList<JsonObject> examples, IReadOnlyList<string> route, string boundProperty, JsonNode value, Func<JsonNode>? itemFor = null)
    {
        var body = examples.OrderByDescending(e => Depth(e, route)).First().DeepClone().AsObject();
        var holder = body;
        var field = new List<string>();
        foreach (var step in route)
        {
            var name = step.TrimEnd('[', ']', '{', '}');
            if (step.EndsWith("[]", StringComparison.Ordinal))
            {
                holder = holder[name] is JsonArray { Count: > 0 } list && list[0] is JsonObject first ? first : Put(holder, name, o => new JsonArray(o));
                field.Add($"{name}[0]");
            }
            else if (step.EndsWith("{}", StringComparison.Ordinal))
            {
                var key = holder[name] is JsonObject { Count: > 0 } map && map.First().Value is JsonObject ? map.First().Key : "x";
                holder = key != "x" ? holder[name]![key]!.AsObject() : Put(holder, name, o => new JsonObject { ["x"] = o });
                field.Add($"{name}.{key}");
            }
            else
            {
                holder = holder[name] as JsonObject ?? Put(holder, name, o => o);
                field.Add(name);
            }
        }

        var property = boundProperty.TrimEnd('[', ']', '{', '}');
        if (boundProperty.EndsWith("[]", StringComparison.Ordinal))
        {
            holder[property] = new JsonArray(value.DeepClone());
            field.Add($"{property}[0]");
        }
        else if (boundProperty.EndsWith("{}", StringComparison.Ordinal))
        {
            var key = holder[property] is JsonObject { Count: > 0 } map ? map.First().Key : "x";
            holder[property] = new JsonObject { [key] = value.DeepClone() };
            field.Add($"{property}.{key}");
        }
        else if (value is JsonObject count)
        {
            var item = holder[property] is JsonArray { Count: > 0 } items ? items[0]!.DeepClone() : itemFor!();
            holder[property] = new JsonArray([.. Enumerable.Range(0, count["count"]!.GetValue<int>()).Select(_ => item.DeepClone())]);
            field.Add(property);
        }
        else
        {
            holder[property] = value.DeepClone();
            field.Add(property);
        }

        return (body, string.Join('.', field));
    }

    /// <summary>Puts a new empty object under <paramref name="name"/>, wrapped as the step needs (a list, a map), and returns it.</summary>
    private static JsonObject Put(JsonObject holder, string name, Func<JsonObject, JsonNode> wrap)
    {
        var created = new JsonObject();
        holder[name] = wrap(created);
        return created;
    }

    /// <summary>An item for a list the example leaves empty: a string that fits the item pattern, a number at the items' minimum, or an empty object.</summary>
    private static JsonNode ItemFor(SchemaBound bound)
    {
        var items = PropertyNode(bound)["items"];
        return items?["type"]?.GetValue<string>() switch
        {
            "string" => JsonValue.Create("item-0001")!,
            "integer" or "number" => items["minimum"]?.DeepClone() ?? JsonValue.Create(1)!,
            _ => new JsonObject(),
        };
    }

    private static int Depth(JsonObject example, IReadOnlyList<string> route)
    {
        var depth = 0;
        JsonNode? current = example;
        foreach (var step in route)
        {
            var name = step.TrimEnd('[', ']', '{', '}');
            current = current is JsonObject holder ? holder[name] : null;
            current = current switch
            {
                JsonArray { Count: > 0 } list when step.EndsWith("[]", StringComparison.Ordinal) => list[0],
                JsonObject { Count: > 0 } map when step.EndsWith("{}", StringComparison.Ordinal) => map.First().Value,
                JsonObject value when !step.EndsWith('}') && !step.EndsWith(']') => value,
                _ => null,
            };
            if (current is null)
            {
                break;
            }

            depth++;
        }

        return depth;
    }

    private static JsonObject PropertyNode(SchemaBound bound)
    {
        var node = Schema(bound.SchemaName)["properties"]![bound.Property.TrimEnd('[', ']', '{', '}')]!.AsObject();
        return bound.Property.EndsWith("[]", StringComparison.Ordinal) ? node["items"]!.AsObject()
            : bound.Property.EndsWith("{}", StringComparison.Ordinal) ? node["additionalProperties"]!.AsObject()
            : node;
    }

    private static JsonObject Schema(string name) => Document["components"]!["schemas"]![name]!.AsObject();

    private static string? Name(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : null;
}
