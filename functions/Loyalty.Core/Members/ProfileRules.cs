using Loyalty.Core.Common;

namespace Loyalty.Core.Members;

/// <summary>The rules a profile field must meet, shared by registration and profile changes.</summary>
public static class ProfileRules
{
    public const int MaxNameLength = TextBounds.NameLength;

    public const int MaxStoreIdLength = TextBounds.CodeLength;

    public static FieldError? Name(string? name) =>
        name is { Length: > MaxNameLength } ? new FieldError("name", "length", $"name must be at most {MaxNameLength} characters.") : null;

    public static FieldError? Birthday(DateOnly? birthday, DateTimeOffset now) =>
        birthday is { } day && (day.Year < 1900 || day > DateOnly.FromDateTime(now.UtcDateTime))
            ? new FieldError("birthday", "range", "birthday must be a past date (yyyy-MM-dd).")
            : null;

    public static FieldError? StoreId(string? storeId) =>
        storeId is { Length: 0 or > MaxStoreIdLength } ? new FieldError("storeId", "length", $"storeId must be 1-{MaxStoreIdLength} characters.") : null;
}
