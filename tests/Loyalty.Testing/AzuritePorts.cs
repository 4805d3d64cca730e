using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Loyalty.Testing;

/// <summary>
/// The ports Azurite reports once each service listens. Started on port 0 it lets the system pick free ones while
/// binding, so no other process can take a port between choosing it and Azurite binding it.
/// </summary>
internal sealed partial class AzuritePorts
{
    private readonly ConcurrentDictionary<string, int> _reported = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<(int Blob, int Queue, int Table)> _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when all three services have reported.</summary>
    public Task<(int Blob, int Queue, int Table)> All => _all.Task;

    /// <param name="line">A line of Azurite's standard output.</param>
    public void Add(string? line)
    {
        if (line is null || Listening().Match(line) is not { Success: true } match)
            return;
        _reported[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
        if (_reported.TryGetValue("Blob", out var blob) && _reported.TryGetValue("Queue", out var queue) && _reported.TryGetValue("Table", out var table))
            _all.TrySetResult((blob, queue, table));
    }

    // Azurite 3.37's start banner: "Azurite Blob service is successfully listening at http://127.0.0.1:41427".
    [GeneratedRegex(@"^Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Listening();
}
