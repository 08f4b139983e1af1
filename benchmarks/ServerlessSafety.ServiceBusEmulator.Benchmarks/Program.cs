using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ServerlessSafety.ServiceBusEmulator;
using ServerlessSafety.ServiceBusEmulator.Benchmarks;
using ServerlessSafety.ServiceBusEmulator.Configuration;

// Sends, receives and settles N small messages through each peer with the same concurrency, in the same run:
// the Service Bus emulator (persistence on) and Azurite's Storage Queue. Prints throughput and p50/p99 latencies.
// Usage: dotnet ServerlessSafety.ServiceBusEmulator.Benchmarks.dll [messages=100000] [concurrency=16] [azurite connection string]
var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var azurite = args.Length > 2 ? args[2]
    : "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

var dataDirectory = Directory.CreateTempSubdirectory("servicebus-bench-").FullName;
await using var emulator = ServiceBusEmulatorServer.Start(new EmulatorOptions
{
    Port = 0,
    DataDirectory = dataDirectory,
    Queues = [new QueueSettings { Name = "bench", MaxDeliveryCount = 10 }],
});

Console.WriteLine($"{messages:N0} messages of 64 bytes, {concurrency} concurrent senders and receivers, one run each, same machine");
Console.WriteLine("| peer | send msg/s | receive+settle msg/s | end to end msg/s | send p50 / p99 ms | settle p50 / p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|");
Result emulated;
await using (var serviceBus = new ServiceBusPeer(emulator.ConnectionString, "bench"))
{
    emulated = await MeasureAsync(serviceBus);
    Print(emulated);
}

await using (var storageQueue = await StorageQueuePeer.CreateAsync(azurite, "bench-" + Guid.NewGuid().ToString("N")[..8]))
{
    var peer = await MeasureAsync(storageQueue);
    Print(peer);
    Console.WriteLine($"end-to-end throughput ratio, emulator / Azurite: {emulated.TotalRate / peer.TotalRate:F2}x");
}

Directory.Delete(dataDirectory, recursive: true);

async Task<Result> MeasureAsync(IQueuePeer peer)
{
    var body = new string('x', 64);
    var sendLatencies = new ConcurrentBag<double>();
    var remaining = messages;
    var sending = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            var started = Stopwatch.GetTimestamp();
            await peer.SendAsync(body);
            sendLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    sending.Stop();

    var settleLatencies = new ConcurrentBag<double>();
    var settledCount = 0;
    var settling = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        while (Volatile.Read(ref settledCount) < messages)
        {
            var count = await peer.ReceiveAndSettleAsync(worker, 32, elapsed => settleLatencies.Add(elapsed.TotalMilliseconds));
            Interlocked.Add(ref settledCount, count);
        }
    }));
    settling.Stop();

    return new Result(peer.Name, messages / sending.Elapsed.TotalSeconds, messages / settling.Elapsed.TotalSeconds,
        messages / (sending.Elapsed + settling.Elapsed).TotalSeconds,
        Percentile(sendLatencies, 0.5), Percentile(sendLatencies, 0.99), Percentile(settleLatencies, 0.5), Percentile(settleLatencies, 0.99));
}

static void Print(Result r) =>
    Console.WriteLine($"| {r.Peer} | {r.SendRate:N0} | {r.SettleRate:N0} | {r.TotalRate:N0} | {r.SendP50:F2} / {r.SendP99:F2} | {r.SettleP50:F2} / {r.SettleP99:F2} |");

static double Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
}

internal sealed record Result(string Peer, double SendRate, double SettleRate, double TotalRate, double SendP50, double SendP99, double SettleP50, double SettleP99);
