using Microsoft.Azure.Amqp;
using Microsoft.Extensions.Logging;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>
/// The claims-based security node ($cbs): the client puts a SAS token for each entity before it attaches a link to it.
/// A token that is not signed with the emulator's key is answered with 401, which the client raises as
/// UnauthorizedAccessException.
/// </summary>
internal sealed class CbsNode(SharedAccessSignatureValidator validator, ConnectionGrants grants, ILogger logger) : RequestResponseNode(logger)
{
    /// <summary>The node's address.</summary>
    public const string Address = "$cbs";

    protected override Task<AmqpMessage> RespondAsync(AmqpMessage request, AmqpConnection connection)
    {
        var operation = request.ApplicationProperties?.Map["operation"] as string;
        if (operation != "put-token")
        {
            return Task.FromResult(Reply(400, $"The $cbs node does not support '{operation}'."));
        }

        var audience = validator.Validate(request.ValueBody?.Value as string);
        if (audience is null)
        {
            Log.TokenRejected(Logger, connection.Identifier.ToString());
            return Task.FromResult(Reply(401, "The SAS token is not valid for this namespace: wrong key, key name or signature, or expired."));
        }

        grants.Add(connection, audience);
        return Task.FromResult(Reply(202, "Accepted"));
    }

    private static AmqpMessage Reply(int statusCode, string description)
    {
        var response = AmqpMessage.Create();
        response.ApplicationProperties.Map["status-code"] = statusCode;
        response.ApplicationProperties.Map["status-description"] = description;
        return response;
    }
}
