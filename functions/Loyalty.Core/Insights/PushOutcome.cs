namespace Loyalty.Core.Insights;

/// <summary>
/// The effect of a push over its window, treated against holdout (rates r = came back / members):
/// <list type="bullet">
/// <item><see cref="Lift"/> = (r_treated − r_holdout) / r_holdout, rounded to 4 decimals; null with
/// <see cref="LiftUndefinedReason"/> when a group is empty or nobody in the holdout came back (any lift would be infinite).</item>
/// <item><see cref="IncrementalConversions"/> = treated who came back − r_holdout × treated members: the returns the push
/// caused beyond what the holdout says would have happened anyway (2 decimals; null without a holdout).</item>
/// <item><see cref="IncrementalSpend"/> = treated spend − holdout spend per member × treated members, to the fen.</item>
/// <item><see cref="Test"/>: two-sided two-proportion z-test with the pooled standard error (<see cref="TwoProportionZTest"/>).</item>
/// </list>
/// </summary>
public sealed record PushOutcome(DateRange Window, GroupOutcome Treated, GroupOutcome Holdout)
{
    public const string NoTreated = "no-treated-members";
    public const string NoHoldout = "no-holdout-members";
    public const string HoldoutRateZero = "holdout-rate-zero";

    public decimal? Lift => LiftUndefinedReason is null
        ? Math.Round((((decimal)Treated.CameBack * Holdout.Members) - ((decimal)Holdout.CameBack * Treated.Members)) / ((decimal)Holdout.CameBack * Treated.Members), 4, MidpointRounding.AwayFromZero)
        : null;

    public string? LiftUndefinedReason =>
        Treated.Members == 0 ? NoTreated : Holdout.Members == 0 ? NoHoldout : Holdout.CameBack == 0 ? HoldoutRateZero : null;

    public decimal? IncrementalConversions => Holdout.Members == 0
        ? null
        : Math.Round(Treated.CameBack - ((decimal)Holdout.CameBack * Treated.Members / Holdout.Members), 2, MidpointRounding.AwayFromZero);

    public decimal? IncrementalSpend => Holdout.Members == 0
        ? null
        : Math.Round(Treated.Spend - (Holdout.Spend * Treated.Members / Holdout.Members), 2, MidpointRounding.AwayFromZero);

    public ZTestResult Test => TwoProportionZTest.Compute(Treated.CameBack, Treated.Members, Holdout.CameBack, Holdout.Members);
}
