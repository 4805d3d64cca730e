namespace Loyalty.Core.Common;

/// <summary>
/// The longest a text in a request may be, and the pattern it must match where it has one. Every request body is held to
/// <see cref="MaxLength"/> before any use case reads it; <see cref="Pattern"/> is the very pattern the field's own validator
/// checks (an id, a code), kept here so the API description shows it from the same constant.
/// </summary>
public sealed record TextBound(int MaxLength, string? Pattern = null)
{
    /// <summary>False only for a text longer than <see cref="MaxLength"/>; a missing text is for the field's validator to judge.</summary>
    public bool Contains(string? value) => value is null || value.Length <= MaxLength;

    public FieldError Violation(string field) =>
        new(field, "length", $"{field[(field.LastIndexOf('.') + 1)..]} must be at most {MaxLength} characters.");
}

/// <summary>The text bounds many requests share; a field with a limit of its own defines it beside its validator.</summary>
public static class TextBounds
{
    public const int NameLength = 100;

    public const int ReasonLength = 200;

    public const int CodeLength = 64;

    public const int UrlLength = 500;

    /// <summary>An id the caller chooses (<see cref="ResourceId"/>).</summary>
    public static readonly TextBound Id = new(64, ResourceId.Pattern);

    /// <summary>A display name: a member's, a gift's, a campaign's, a key's.</summary>
    public static readonly TextBound Name = new(NameLength);

    /// <summary>Why an operator did something (an adjustment, a freeze, a grant).</summary>
    public static readonly TextBound Reason = new(ReasonLength);

    /// <summary>A short code or key of the merchant's own systems: a SKU, a category, a store, a reference, a tracking number.</summary>
    public static readonly TextBound Code = new(CodeLength);

    /// <summary>A longer free text: a description, a note shown to members.</summary>
    public static readonly TextBound Description = new(2000);

    /// <summary>A URL (an image, a share link).</summary>
    public static readonly TextBound Url = new(UrlLength);
}
