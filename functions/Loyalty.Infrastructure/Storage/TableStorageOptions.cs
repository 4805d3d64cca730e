namespace Loyalty.Infrastructure.Storage;

/// <summary>Section <c>Storage</c>: how the app names its tables.</summary>
public sealed class TableStorageOptions
{
    public const string Section = "Storage";

    /// <summary>Room left for the table names themselves within Table Storage's 63 characters.</summary>
    public const int MaxTablePrefixLength = 40;

    /// <summary>Prepended to every table name so several environments (or test runs) can share one account.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    public bool HasValidTablePrefix =>
        TablePrefix.Length == 0
        || (TablePrefix.Length <= MaxTablePrefixLength && char.IsAsciiLetter(TablePrefix[0]) && TablePrefix.All(char.IsAsciiLetterOrDigit));
}
