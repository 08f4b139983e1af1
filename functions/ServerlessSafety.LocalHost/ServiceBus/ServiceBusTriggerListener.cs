using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Configuration;
using ServerlessSafety.LocalHost.Discovery;
using ServerlessSafety.LocalHost.Invocation;

namespace ServerlessSafety.LocalHost.ServiceBus;

/// <summary>
/// A Service Bus trigger on a <see cref="ServiceBusProcessor"/> in peek-lock: the message is completed when the
/// function returns and abandoned when it throws, so the entity's max delivery count dead-letters poison messages.
/// </summary>
internal sealed class ServiceBusTriggerListener : ITriggerListener
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> BindingData = new(StringComparer.OrdinalIgnoreCase)
    {
        ["messageId"] = typeof(string),
        ["deliveryCount"] = typeof(int),
        ["enqueuedTimeUtc"] = typeof(DateTime),
        ["expiresAtUtc"] = typeof(DateTime),
        ["sequenceNumber"] = typeof(long),
        ["correlationId"] = typeof(string),
        ["contentType"] = typeof(string),
        ["subject"] = typeof(string),
        ["label"] = typeof(string),
        ["replyTo"] = typeof(string),
        ["to"] = typeof(string),
        ["sessionId"] = typeof(string),
        ["lockToken"] = typeof(string),
        ["applicationProperties"] = typeof(IReadOnlyDictionary<string, object>),
        ["userProperties"] = typeof(IReadOnlyDictionary<string, object>),
    };

    private readonly FunctionInvoker _invoker;
    private readonly ConnectionSetting _connection;
    private readonly string _entity;
    private readonly string? _subscription;
    private readonly ServiceBusProcessorOptions _options;
    private readonly ServiceBusClients _clients;
    private ServiceBusProcessor? _processor;
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private ServiceBusTriggerListener(FunctionInvoker invoker, ConnectionSetting connection, string entity, string? subscription, HostJson hostJson, ServiceBusClients clients)
    {
        _invoker = invoker;
        _connection = connection;
        _entity = entity;
        _subscription = subscription;
        _clients = clients;
        _options = new ServiceBusProcessorOptions
        {
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            AutoCompleteMessages = false,
            MaxConcurrentCalls = Math.Max(1, hostJson.ServiceBusMaxConcurrentCalls),
            PrefetchCount = Math.Max(0, hostJson.ServiceBusPrefetchCount),
            MaxAutoLockRenewalDuration = hostJson.ServiceBusMaxAutoLockRenewalDuration,
        };
        Description = subscription is null
            ? $"serviceBusTrigger queue={entity} (maxConcurrentCalls {_options.MaxConcurrentCalls})"
            : $"serviceBusTrigger topic={entity} subscription={subscription}";
    }

    public string Description { get; }

    public static ServiceBusTriggerListener? Create(FunctionDescriptor function, IConfiguration configuration, HostJson hostJson, ServiceBusClients clients, ICollection<StartProblem> problems)
    {
        var trigger = (ServiceBusTriggerAttribute)function.Trigger;
        if (trigger.IsSessionsEnabled || trigger.IsBatched || !trigger.AutoCompleteMessages)
        {
            problems.Add(new StartProblem(function.Name, "uses Service Bus sessions, batches or AutoCompleteMessages = false, which the local host does not support"));
        }

        string entity;
        string? subscription = null;
        try
        {
            entity = SettingExpression.Resolve(trigger.QueueName ?? trigger.TopicName ?? string.Empty, configuration);
            if (trigger.SubscriptionName is { } name)
            {
                subscription = SettingExpression.Resolve(name, configuration);
            }
        }
        catch (InvalidOperationException e)
        {
            problems.Add(new StartProblem(function.Name, $"names its entity with a setting that is missing: {e.Message}"));
            return null;
        }

        var connectionName = trigger.Connection is { Length: > 0 } named ? named : "ServiceBus";
        var connection = ConnectionSetting.Find(configuration, connectionName)
            ?? (trigger.Connection is null ? ConnectionSetting.Find(configuration, "AzureWebJobsServiceBus") : null);
        if (connection is null)
        {
            problems.Add(new StartProblem(function.Name, $"reads Service Bus through the connection '{connectionName}', which is not configured (a connection string, or {connectionName}__fullyQualifiedNamespace)"));
        }

        var shape = new TriggerShape(
            "string, byte[], BinaryData, ServiceBusReceivedMessage or a JSON-deserializable class",
            IsSupportedBody,
            BindingData);
        var invoker = FunctionInvoker.Create(function, shape, problems);
        return invoker is null || connection is null || entity.Length == 0 ? null : new ServiceBusTriggerListener(invoker, connection, entity, subscription, hostJson, clients);
    }

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        _logger = ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).CreateLogger("Function." + _invoker.Function.Name);
        var client = _clients.Get(_connection);
        _processor = _subscription is null ? client.CreateProcessor(_entity, _options) : client.CreateProcessor(_entity, _subscription, _options);
        _processor.ProcessMessageAsync += args => ProcessAsync(services, args);
        _processor.ProcessErrorAsync += args =>
        {
            Log.ServiceBusError(_logger, args.Exception, _invoker.Function.Name, args.ErrorSource.ToString());
            return Task.CompletedTask;
        };
        await _processor.StartProcessingAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_processor is not null)
        {
            await _processor.StopProcessingAsync(cancellationToken);
            await _processor.DisposeAsync();
        }
    }

    private static bool IsSupportedBody(Type type)
        => type == typeof(string) || type == typeof(byte[]) || type == typeof(BinaryData) || type == typeof(ServiceBusReceivedMessage)
            || (!type.IsPrimitive && !type.IsAbstract && !type.IsInterface && type != typeof(object) && !typeof(Delegate).IsAssignableFrom(type));

    private async Task ProcessAsync(IServiceProvider services, ProcessMessageEventArgs args)
    {
        var message = args.Message;
        try
        {
            await _invoker.InvokeAsync(services, new InvocationInput
            {
                TriggerValue = type => Body(message, type),
                BindingData = Data(message),
                CancellationToken = args.CancellationToken,
            }, _logger, $"Trigger Details: MessageId: {message.MessageId}, SequenceNumber: {message.SequenceNumber}, DeliveryCount: {message.DeliveryCount}");
        }
        catch (Exception)
        {
            await args.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
            return;
        }

        await args.CompleteMessageAsync(message, CancellationToken.None);
    }

    private static object? Body(ServiceBusReceivedMessage message, Type type)
        => type == typeof(ServiceBusReceivedMessage) ? message
            : type == typeof(BinaryData) ? message.Body
            : type == typeof(byte[]) ? message.Body.ToArray()
            : type == typeof(string) ? message.Body.ToString()
            : JsonSerializer.Deserialize(message.Body.ToMemory().Span, type, Json);

    private static Dictionary<string, object?> Data(ServiceBusReceivedMessage message) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["messageId"] = message.MessageId,
        ["deliveryCount"] = message.DeliveryCount,
        ["enqueuedTimeUtc"] = message.EnqueuedTime.UtcDateTime,
        ["expiresAtUtc"] = message.ExpiresAt.UtcDateTime,
        ["sequenceNumber"] = message.SequenceNumber,
        ["correlationId"] = message.CorrelationId,
        ["contentType"] = message.ContentType,
        ["subject"] = message.Subject,
        ["label"] = message.Subject,
        ["replyTo"] = message.ReplyTo,
        ["to"] = message.To,
        ["sessionId"] = message.SessionId,
        ["lockToken"] = message.LockToken,
        ["applicationProperties"] = message.ApplicationProperties,
        ["userProperties"] = message.ApplicationProperties,
    };
}
