using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>Responses of the $management node, in the shape the client parses: statusCode, statusDescription, errorCondition and an AMQP map body.</summary>
internal static class ManagementResponse
{
    /// <summary>The condition the client maps to ServiceBusFailureReason.MessageLockLost.</summary>
    public static readonly AmqpSymbol MessageLockLost = "com.microsoft:message-lock-lost";

    /// <summary>The condition the client treats as "no such message".</summary>
    public static readonly AmqpSymbol MessageNotFound = "com.microsoft:message-not-found";

    public static AmqpMessage Ok(AmqpMap body) => Create(200, "OK", body, default);

    public static AmqpMessage Status(int statusCode, string description, AmqpSymbol condition = default) =>
        Create(statusCode, description, new AmqpMap(), condition);

    private static AmqpMessage Create(int statusCode, string description, AmqpMap body, AmqpSymbol condition)
    {
        var message = AmqpMessage.Create(new AmqpValue { Value = body });
        message.ApplicationProperties.Map["statusCode"] = statusCode;
        message.ApplicationProperties.Map["statusDescription"] = description;
        if (condition.Value is not null)
        {
            message.ApplicationProperties.Map["errorCondition"] = condition;
        }

        return message;
    }
}
