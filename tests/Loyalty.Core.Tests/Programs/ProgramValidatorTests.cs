using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loyalty.Core.Common;
using Loyalty.Core.Family;
using Loyalty.Core.Pos;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Tests.Programs;

public sealed partial class ProgramValidatorTests
{
    /// <summary>One value out of bounds in every block, each at a field the JSON of the program really has.</summary>
    private static readonly ProgramRules Broken = new()
    {
        Name = "",
        Earning = new EarningRules
        {
            BaseRatePer = 0,
            Ladder = [new LadderStep(100, ProgramBounds.MaxRulePoints + 1)],
            CategoryMultipliers = new Dictionary<string, decimal> { ["skincare"] = 101 },
            SkuMultipliers = new Dictionary<string, decimal> { ["new-serum"] = -1 },
            Campaigns = [new Campaign { Id = "member-day", Multiplier = 0.5m, DaysOfWeek = [8] }],
            Birthday = new BirthdayBenefit { Multiplier = 0 },
        },
        Expiry = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 0 },
        Activities = new ActivityRules
        {
            CheckIn = new CheckInRules { StreakBonuses = [new StreakBonus(0, 1)] },
            Shares = new Dictionary<string, ShareRule> { ["wechat-moments"] = new(1, 0) },
            Tasks = [new TaskRule { TaskId = "survey", MaxPerPeriod = 0 }],
        },
        Tiers = new TierRules { RetentionMonths = 99, Levels = [new TierLevel { Name = "normal", DiscountRate = 1 }] },
        Cash = new PointsCashRules { PointsPerYuan = 0, MemberPrices = new Dictionary<string, decimal> { ["tea"] = 2 } },
        Transfers = new TransferRules { MaxFamilyMembers = 21 },
    };

    [Fact]
    public void Default_program_is_valid()
    {
        Assert.Empty(ProgramValidator.Validate(new ProgramRules()));
    }

    [Fact]
    public void Every_problem_is_listed_with_its_field()
    {
        var rules = new ProgramRules
        {
            TimeZone = "Mars/Olympus",
            Currency = "XXX",
            Earning = new EarningRules { BaseRatePer = 0, ReturnWindowDays = -1 },
            Expiry = new ExpiryPolicy { Mode = ExpiryMode.FixedAnnual, ClearingMonth = 2, ClearingDay = 30 },
        };

        var fields = ProgramValidator.Validate(rules).Select(e => e.Field).ToList();

        Assert.Equal(["timeZone", "currency", "earning.baseRatePer", "earning.returnWindowDays", "expiry.clearingDay"], fields);
    }

    [Fact]
    public void Every_block_reports_its_problems_under_its_own_name()
    {
        var fields = ProgramValidator.Validate(Broken).Select(e => $"{e.Field}:{e.Rule}").ToList();

        Assert.Equal(
            [
                "name:length",
                "earning.baseRatePer:range", "earning.ladder[0].points:range",
                "earning.categoryMultipliers.skincare:range", "earning.skuMultipliers.new-serum:range",
                "earning.campaigns[0].multiplier:range", "earning.campaigns[0].daysOfWeek[0]:range", "earning.birthday.multiplier:range",
                "expiry.months:range",
                "activities.checkIn.streakBonuses[0].day:range", "activities.shares.wechat-moments.dailyCap:range", "activities.tasks[0].maxPerPeriod:range",
                "tiers.levels[0].discountRate:range", "tiers.retentionMonths:range",
                "cash.pointsPerYuan:range", "cash.memberPrices.tea:price-factor",
                "transfers.maxFamilyMembers:range",
            ],
            fields);
    }

    /// <summary>A client finds the field an error names by following its path through the JSON it sent.</summary>
    [Fact]
    public void Every_reported_field_is_a_path_into_the_program_json()
    {
        var json = JsonSerializer.SerializeToNode(Broken, LoyaltyJson.Options)!;

        var unresolved = ProgramValidator.Validate(Broken).Select(e => e.Field).Where(field => Resolve(json, field) is null).ToList();

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Multipliers_are_reported_at_the_json_name_of_their_map_not_a_shared_one()
    {
        var fields = ProgramValidator.Validate(Broken).Select(e => e.Field).Where(f => f.Contains("ultipliers", StringComparison.Ordinal)).ToList();

        Assert.Equal(["earning.categoryMultipliers.skincare", "earning.skuMultipliers.new-serum"], fields);
        Assert.DoesNotContain(fields, f => f.StartsWith("earning.multipliers", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_block_is_required_and_its_validator_is_not_run()
    {
        var rules = new ProgramRules { Earning = null!, Expiry = null!, Activities = null!, Tiers = null!, Cash = null!, Transfers = null! };

        var errors = ProgramValidator.Validate(rules).Select(e => $"{e.Field}:{e.Rule}");

        Assert.Equal(["earning:required", "expiry:required", "activities:required", "tiers.levels:required", "cash:required", "transfers:required"], errors);
    }

    [Fact]
    public void A_block_validator_names_fields_relative_to_where_the_block_is_put()
    {
        var errors = new FieldErrors();

        TierRulesValidator.Validate(new TierRules { Levels = [new TierLevel { Name = "base", Threshold = 5 }] }, errors.At("rules").At("tiers"));
        CampaignValidator.Validate(new Campaign { Id = "", StartDate = new DateOnly(2026, 2, 1), EndDate = new DateOnly(2026, 1, 1) }, errors.At("campaigns[3]"));

        Assert.Equal(["rules.tiers.levels[0].threshold:zero", "campaigns[3].id:required", "campaigns[3].endDate:after-start"], errors.ToList().Select(e => $"{e.Field}:{e.Rule}"));
    }

    /// <summary>Follows <c>a.b[0].c</c> (a map key is a segment like any property) through the JSON; null when a step is not there.</summary>
    private static JsonNode? Resolve(JsonNode root, string field)
    {
        JsonNode? node = root;
        foreach (Match step in PathStep().Matches(field))
        {
            node = step.Groups["index"].Success
                ? node is JsonArray list && int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < list.Count ? list[i] : null
                : node is JsonObject obj && obj.TryGetPropertyValue(step.Groups["name"].Value, out var member) ? member : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>[0-9]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();
}
