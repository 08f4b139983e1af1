namespace ServerlessSafety.ServiceBusEmulator.Configuration;

/// <summary>How an emulator instance listens, where it keeps its messages and which queues it serves.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The key name clients sign with; the only one the emulator knows, as the Docker emulator does.</summary>
    public const string KeyName = "RootManageSharedAccessKey";

    /// <summary>The published local-development key (not a secret: the emulator listens on 127.0.0.1 only).</summary>
    public const string DevelopmentKey = "RG9ja2VyRnJlZUxvY2FsU2VydmljZUJ1c0VtdWxhdG9yS2V5MQ==";

    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = 5672;

    /// <summary>The folder of the message log (SQLite).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The queues served.</summary>
    public required IReadOnlyList<QueueSettings> Queues { get; init; }

    /// <summary>The shared access key SAS tokens must be signed with.</summary>
    public string Key { get; init; } = DevelopmentKey;
}
