namespace Loyalty.Core.Redrive;

/// <param name="Redriven">Messages sent again for work still queued.</param>
/// <param name="Cleared">Index rows dropped because their work had ended or was never recorded.</param>
/// <param name="Failed">Work marked failed (<c>{kind}:{tenant}:{id}</c>): still queued after the last re-drive, or a refund its order never recorded.</param>
public sealed record RedriveReport(int Redriven, int Cleared, IReadOnlyList<string> Failed)
{
    public static readonly RedriveReport Empty = new(0, 0, []);
}
