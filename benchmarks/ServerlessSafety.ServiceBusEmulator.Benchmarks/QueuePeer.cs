namespace ServerlessSafety.ServiceBusEmulator.Benchmarks;

/// <summary>A queue system under measurement: send one message, then receive a batch and settle each message of it.</summary>
internal interface IQueuePeer : IAsyncDisposable
{
    string Name { get; }

    Task SendAsync(string body);

    /// <summary>Worker <paramref name="worker"/> receives up to <paramref name="max"/> messages and settles (completes or deletes) each; returns how many.</summary>
    Task<int> ReceiveAndSettleAsync(int worker, int max, Action<TimeSpan> settled);
}
