using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Loyalty.Infrastructure.Settings;

/// <summary>
/// An options type bound from a configuration section. Every binding registers one, so the app's settings can be listed
/// from the code itself (the deployment test holds infra to that list).
/// </summary>
/// <param name="Section">The section (<c>LoyaltyStorage</c>); empty for settings at the root (<c>AccrualQueueName</c>).</param>
public sealed record BoundSettings(Type OptionsType, string Section)
{
    /// <summary>
    /// What the binder reads for this type (public settable properties), spelled as app settings are
    /// (<c>Section__Property</c>); <c>HasDefault</c> when the property has a value without configuration.
    /// </summary>
    public IEnumerable<(string Name, bool HasDefault)> Settings()
    {
        var defaults = Activator.CreateInstance(OptionsType);
        var prefix = Section.Length == 0 ? string.Empty : Section.Replace(":", "__", StringComparison.Ordinal) + "__";
        return OptionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => (prefix + (p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name), p.GetValue(defaults) is not null));
    }
}
