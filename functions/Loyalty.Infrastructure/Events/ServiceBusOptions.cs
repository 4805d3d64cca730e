using Loyalty.Infrastructure.Settings;

namespace Loyalty.Infrastructure.Events;

/// <summary>
/// Where events go: a connection string under <c>ServiceBus</c>, or <c>ServiceBus__fullyQualifiedNamespace</c> with a
/// managed identity (<c>ServiceBus__credential</c>, <c>ServiceBus__clientId</c>). Neither means events are only logged.
/// </summary>
public sealed class ServiceBusOptions : IServiceConnection
{
    public const string Section = "ServiceBus";

    public const string DefaultTopicName = "loyalty-events";

    /// <summary>The section's own value (<c>ServiceBus=Endpoint=...</c>): local runs only, never deployed; not a bound key.</summary>
    public string? ConnectionString { get; internal set; }

    string? IServiceConnection.ConnectionString { get => ConnectionString; set => ConnectionString = value; }

    /// <summary>e.g. <c>sb-name.servicebus.windows.net</c>; the portal's <c>sb://name.servicebus.windows.net/</c> is accepted too.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary><c>managedidentity</c> to use the managed identity; otherwise the default credential chain unless a client id is set.</summary>
    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    public string TopicName { get; set; } = DefaultTopicName;

    public bool IsConfigured => ConnectionString is not null || !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    /// <summary>The namespace as the client wants it: the host name, whichever form the setting used.</summary>
    public string? NamespaceHost => string.IsNullOrWhiteSpace(FullyQualifiedNamespace)
        ? null
        : Uri.TryCreate(FullyQualifiedNamespace, UriKind.Absolute, out var endpoint) ? endpoint.Host : FullyQualifiedNamespace.Trim();
}
