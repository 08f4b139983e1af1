namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>What a sender's message tells the broker: its encoded form and the properties the broker acts on.</summary>
public sealed record IncomingMessage(byte[] Payload, string? MessageId, TimeSpan? TimeToLive, DateTime? ScheduledEnqueueTime);
