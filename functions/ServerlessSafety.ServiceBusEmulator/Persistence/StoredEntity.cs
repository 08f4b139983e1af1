using ServerlessSafety.ServiceBusEmulator.Broker;

namespace ServerlessSafety.ServiceBusEmulator.Persistence;

/// <summary>What the log holds for one queue when the emulator starts.</summary>
internal sealed record StoredEntity(
    IReadOnlyList<(MessageSnapshot Message, DateTime ExpiresAt)> Messages,
    IReadOnlyList<(MessageSnapshot Message, DateTime ExpiresAt)> DeadLetters,
    long LastSequenceNumber,
    IReadOnlyDictionary<string, DateTime> Duplicates);
