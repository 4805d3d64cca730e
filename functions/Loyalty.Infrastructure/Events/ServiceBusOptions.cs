namespace Loyalty.Infrastructure.Events;

/// <summary>
/// Where events go: a connection string under <c>ServiceBus</c>, or <c>ServiceBus__fullyQualifiedNamespace</c> with a
/// managed identity (<c>ServiceBus__credential</c>, <c>ServiceBus__clientId</c>). Neither means events are only logged.
/// </summary>
public sealed class ServiceBusOptions
{
    public const string DefaultTopicName = "loyalty-events";

    public string? ConnectionString { get; set; }

    public string? FullyQualifiedNamespace { get; set; }

    /// <summary><c>managedidentity</c> to use the managed identity; otherwise the default credential chain unless a client id is set.</summary>
    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    public string TopicName { get; set; } = DefaultTopicName;

    public bool IsConfigured => ConnectionString is not null || FullyQualifiedNamespace is not null;
}
