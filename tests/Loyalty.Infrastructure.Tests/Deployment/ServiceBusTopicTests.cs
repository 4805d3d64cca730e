using System.Text.RegularExpressions;
using System.Xml;

namespace Loyalty.Infrastructure.Tests.Deployment;

/// <summary>
/// A retried accrual sends its events again with the same MessageIds (PurchaseEventsTests); only the topic's duplicate
/// detection turns that into "delivered once", so the deployed topic must have it, for longer than the retries last.
/// </summary>
public sealed partial class ServiceBusTopicTests
{
    [Fact]
    public void The_events_topic_drops_repeated_message_ids_for_longer_than_an_accrual_message_is_retried()
    {
        var topic = TopicResource().Match(DeploymentFiles.Text("infra/app/servicebus.bicep"));
        Assert.True(topic.Success, "infra/app/servicebus.bicep declares no Microsoft.ServiceBus/namespaces/topics resource");
        var properties = topic.Groups["body"].Value;
        var window = WindowProperty().Match(properties);

        Assert.Matches(@"requiresDuplicateDetection:\s*true\b", properties);
        Assert.True(window.Success, "the topic sets no duplicateDetectionHistoryTimeWindow");
        var queues = DeploymentFiles.Json("functions/Loyalty.Functions/host.json")["extensions"]!["queues"]!;
        var retriesLast = (TimeSpan.Parse(queues["visibilityTimeout"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            + TimeSpan.Parse(queues["maxPollingInterval"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
            * queues["maxDequeueCount"]!.GetValue<int>();
        Assert.True(XmlConvert.ToTimeSpan(window.Groups["window"].Value) > retriesLast, $"the duplicate window {window.Groups["window"].Value} is not longer than the {retriesLast} an accrual message is retried for");
    }

    [GeneratedRegex(@"^resource \w+ 'Microsoft\.ServiceBus/namespaces/topics@[^']+' = \{(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TopicResource();

    [GeneratedRegex(@"duplicateDetectionHistoryTimeWindow:\s*'(?<window>P[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex WindowProperty();
}
