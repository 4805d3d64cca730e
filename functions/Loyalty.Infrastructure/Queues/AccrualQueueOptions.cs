namespace Loyalty.Infrastructure.Queues;

/// <summary>
/// <c>AccrualQueueName</c>, a root setting because the queue trigger names it as <c>%AccrualQueueName%</c> (and its
/// poison queue as <c>%AccrualQueueName%-poison</c>).
/// </summary>
public sealed class AccrualQueueOptions
{
    public const string Setting = nameof(AccrualQueueName);

    /// <summary>Queue names are at most 63 characters; the poison queue adds "-poison".</summary>
    public const int MaxNameLength = 63 - 7;

    public string AccrualQueueName { get; set; } = "accrual";

    /// <summary>Lowercase letters, digits and single hyphens, starting and ending with a letter or digit (Azure's queue naming rule).</summary>
    public bool HasValidName =>
        AccrualQueueName.Length is >= 3 and <= MaxNameLength
        && AccrualQueueName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && AccrualQueueName[0] != '-'
        && AccrualQueueName[^1] != '-'
        && !AccrualQueueName.Contains("--", StringComparison.Ordinal);
}
