using System.Globalization;

namespace Loyalty.Core.Common;

/// <summary>
/// The range a number in a request must lie in (a value, or the count of a list). Validators check with it and the API
/// description shows it (minimum/maximum, minItems/maxItems), so both read the same definition.
/// </summary>
public sealed record Bound(decimal Minimum, decimal Maximum)
{
    public bool ExclusiveMinimum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public bool Contains(decimal value) =>
        (ExclusiveMinimum ? value > Minimum : value >= Minimum) && (ExclusiveMaximum ? value < Maximum : value <= Maximum);

    /// <summary>False for a missing value: where a number is required, missing is outside its bound too.</summary>
    public bool Contains(decimal? value) => value is { } v && Contains(v);

    /// <summary>The error for a value outside the bound (or missing where a number is required).</summary>
    public FieldError Violation(string field, string? what = null) =>
        new(field, "range", $"{what ?? Leaf(field)} must be {Describe()}.");

    /// <summary>The error for a list with too few or too many items.</summary>
    public FieldError CountViolation(string field) =>
        new(field, "count", $"{Leaf(field)} must hold {Describe()} items.");

    public string Describe() =>
        !ExclusiveMinimum && !ExclusiveMaximum
            ? $"between {Format(Minimum)} and {Format(Maximum)}"
            : $"{(ExclusiveMinimum ? "greater than" : "at least")} {Format(Minimum)} and {(ExclusiveMaximum ? "less than" : "at most")} {Format(Maximum)}";

    private static string Leaf(string field) => field[(field.LastIndexOf('.') + 1)..];

    private static string Format(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
