using System.Text;
using Microsoft.Extensions.Configuration;

namespace Loyalty.DevHost.Settings;

/// <summary>Resolves <c>%Setting%</c> references in binding expressions as the Functions host does; literal text around them stays.</summary>
public sealed class SettingResolver(IConfiguration configuration)
{
    public string Resolve(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var result = new StringBuilder(template.Length);
        var position = 0;
        while (position < template.Length)
        {
            var start = template.IndexOf('%', position);
            if (start < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }

            var end = template.IndexOf('%', start + 1);
            if (end < 0)
            {
                throw new InvalidOperationException($"'{template}' has an unmatched '%'.");
            }

            result.Append(template, position, start - position);
            var name = template[(start + 1)..end];
            var value = configuration[name.Replace("__", ":", StringComparison.Ordinal)];
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException($"'{template}' refers to the app setting '{name}', which is not set (local.settings.json Values or an environment variable).");
            }

            result.Append(value);
            position = end + 1;
        }

        return result.ToString();
    }
}
