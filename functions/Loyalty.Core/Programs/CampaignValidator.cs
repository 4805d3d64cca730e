using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>One campaign of <c>earning.campaigns</c>: its id, boost, dates and days.</summary>
public static class CampaignValidator
{
    public const int MaxIdLength = TextBounds.CodeLength;

    public static void Validate(Campaign campaign, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(campaign.Id) || campaign.Id.Length > MaxIdLength)
        {
            errors.Add("id", "required", $"A campaign needs an id of at most {MaxIdLength} characters.");
        }

        errors.Range("multiplier", ProgramBounds.BoostMultiplier, campaign.Multiplier);
        errors.Range("bonusPoints", ProgramBounds.RulePoints, campaign.BonusPoints);
        errors.Range("maxBonusPerOrder", ProgramBounds.MaxBonusPerOrder, campaign.MaxBonusPerOrder);
        if (campaign.StartDate > campaign.EndDate)
        {
            errors.Add("endDate", "after-start", "endDate must not be before startDate.");
        }

        for (var d = 0; d < campaign.DaysOfWeek.Count; d++)
        {
            errors.Range($"daysOfWeek[{d}]", ProgramBounds.DayOfWeek, campaign.DaysOfWeek[d], "an ISO day of the week (1 = Monday)");
        }

        for (var d = 0; d < campaign.DaysOfMonth.Count; d++)
        {
            errors.Range($"daysOfMonth[{d}]", ProgramBounds.DayOfMonth, campaign.DaysOfMonth[d], "a day of the month");
        }
    }
}
