using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

#if SERVICEBUS_HOST_EXTENSION
[assembly: ExtensionInformation("Microsoft.Azure.WebJobs.Extensions.ServiceBus", "5.17.0")]
#endif

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Source-compatible stand-in for the official Service Bus trigger attribute, whose worker package is not
/// served on this project's build machines. Same name, namespace and properties, so the worker's source
/// generator writes the same <c>serviceBusTrigger</c> binding into <c>functions.metadata</c>.
/// </summary>
/// <remarks>
/// The generator reads every property; each carries <c>[DefaultValue]</c> or it fails.
/// The deployed host loads the Service Bus extension only if the build names it: build with
/// <c>-p:ServiceBusHostExtension=true</c> (adds the <c>ExtensionInformation</c> above, whose package the
/// SDK restores from nuget.org) or with <c>-p:UseOfficialServiceBusExtension=true</c> (the official worker package).
/// </remarks>
public sealed class ServiceBusTriggerAttribute : TriggerBindingAttribute, ISupportCardinality
{
    /// <summary>Triggers on messages of a queue.</summary>
    /// <param name="queueName">The queue name, or a <c>%setting%</c> expression.</param>
    public ServiceBusTriggerAttribute(string queueName)
    {
        QueueName = queueName;
    }

    /// <summary>Triggers on messages of a topic subscription.</summary>
    public ServiceBusTriggerAttribute(string topicName, string subscriptionName)
    {
        TopicName = topicName;
        SubscriptionName = subscriptionName;
    }

    /// <summary>The name of the app setting (or setting section) that holds the connection.</summary>
    [DefaultValue(null!)]
    public string? Connection { get; set; }

    /// <summary>The queue name.</summary>
    public string? QueueName { get; }

    /// <summary>The topic name.</summary>
    public string? TopicName { get; }

    /// <summary>The subscription name.</summary>
    public string? SubscriptionName { get; }

    /// <summary>Whether the entity is session-aware.</summary>
    [DefaultValue("false")]
    public bool IsSessionsEnabled { get; set; }

    /// <summary>Whether messages are completed when the function succeeds.</summary>
    [DefaultValue("true")]
    public bool AutoCompleteMessages { get; set; } = true;

    /// <summary>Whether the function receives a batch of messages.</summary>
    [DefaultValue("false")]
    public bool IsBatched { get; set; }

    /// <summary>The binding's cardinality, as the generator writes it: <c>Many</c> when batched.</summary>
    Cardinality ISupportCardinality.Cardinality
    {
        get => IsBatched ? Cardinality.Many : Cardinality.One;
        set => IsBatched = value == Cardinality.Many;
    }
}
