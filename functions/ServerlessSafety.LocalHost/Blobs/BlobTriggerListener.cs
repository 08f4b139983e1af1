using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Configuration;
using ServerlessSafety.LocalHost.Discovery;
using ServerlessSafety.LocalHost.Invocation;

namespace ServerlessSafety.LocalHost.Blobs;

/// <summary>
/// A blob trigger by polling: lists the container, and runs the function once per blob name and ETag. A failure is
/// retried at later polls; after <c>poisonBlobThreshold</c> failed attempts the blob is written to the
/// <c>webjobs-blobtrigger-poison</c> queue, as the Functions host does, and never tried again.
/// </summary>
/// <remarks>The deployed app may use the Event Grid source; locally, polling gives the same once-per-version behaviour.</remarks>
internal sealed class BlobTriggerListener : ITriggerListener
{
    public const string PoisonQueueName = "webjobs-blobtrigger-poison";

    private static readonly Type[] TriggerTypes = [typeof(BlobClient), typeof(BlobBaseClient), typeof(Stream), typeof(byte[]), typeof(string), typeof(BinaryData)];

    private readonly FunctionInvoker _invoker;
    private readonly BlobPathPattern _path;
    private readonly BlobContainerClient _container;
    private readonly QueueClient _poisonQueue;
    private readonly BlobReceipts _receipts;
    private readonly int _poisonThreshold;
    private readonly int _parallelism;
    private readonly TimeSpan _interval;
    private readonly HashSet<string> _settled = [];
    private readonly CancellationTokenSource _stopping = new();
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private IServiceProvider? _services;
    private Task? _loop;

    private BlobTriggerListener(FunctionInvoker invoker, BlobPathPattern path, ConnectionSetting connection, BlobReceipts receipts, HostJson hostJson, TimeSpan interval)
    {
        _invoker = invoker;
        _path = path;
        _container = StorageClients.Blobs(connection).GetBlobContainerClient(path.Container);
        _poisonQueue = StorageClients.Queues(connection, QueueMessageEncoding.Base64).GetQueueClient(PoisonQueueName);
        _receipts = receipts;
        _poisonThreshold = Math.Max(1, hostJson.PoisonBlobThreshold);
        _parallelism = Math.Max(1, hostJson.BlobMaxDegreeOfParallelism);
        _interval = interval;
        Description = $"blobTrigger {path.Container}/{path.Prefix}… (polling every {interval.TotalSeconds:0.#} s)";
    }

    public string Description { get; }

    public static BlobTriggerListener? Create(FunctionDescriptor function, IConfiguration configuration, HostJson hostJson, BlobReceipts? receipts, TimeSpan interval, ICollection<StartProblem> problems)
    {
        var trigger = (BlobTriggerAttribute)function.Trigger;
        BlobPathPattern path;
        try
        {
            path = BlobPathPattern.Parse(SettingExpression.Resolve(trigger.BlobPath ?? string.Empty, configuration));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            problems.Add(new StartProblem(function.Name, $"has a blob path it cannot use: {e.Message}"));
            return null;
        }

        var connectionName = string.IsNullOrEmpty(trigger.Connection) ? "AzureWebJobsStorage" : trigger.Connection;
        var connection = ConnectionSetting.Find(configuration, connectionName);
        if (connection is null)
        {
            problems.Add(new StartProblem(function.Name, $"reads blobs through the connection '{connectionName}', which is not configured"));
        }

        if (receipts is null)
        {
            problems.Add(new StartProblem(function.Name, "is a blob trigger, whose receipts need the AzureWebJobsStorage connection, which is not configured"));
        }

        var data = path.Names.ToDictionary(n => n, _ => typeof(string), StringComparer.OrdinalIgnoreCase);
        data["blobTrigger"] = typeof(string);
        data["uri"] = typeof(Uri);
        data["metadata"] = typeof(IDictionary<string, string>);
        var shape = new TriggerShape("BlobClient, BlobBaseClient, Stream, byte[], string or BinaryData", t => TriggerTypes.Contains(t), data);
        var invoker = FunctionInvoker.Create(function, shape, problems);
        return invoker is null || connection is null || receipts is null
            ? null
            : new BlobTriggerListener(invoker, path, connection, receipts, hostJson, interval);
    }

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        _services = services;
        _logger = ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).CreateLogger("Function." + _invoker.Function.Name);
        await _receipts.EnsureAsync(cancellationToken);
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _loop = Task.Run(() => PollAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var candidates = new List<BlobItem>();
                await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = _path.Prefix }, stopping))
                {
                    if (!_settled.Contains(Key(blob)) && _path.Match(blob.Name) is not null)
                    {
                        candidates.Add(blob);
                    }
                }

                await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = stopping }, ProcessAsync);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.BlobPollFailed(_logger, e, _path.Container, _invoker.Function.Name);
            }

            await Task.Delay(_interval, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async ValueTask ProcessAsync(BlobItem blob, CancellationToken stopping)
    {
        var name = _invoker.Function.Name;
        var etag = blob.Properties.ETag!.Value;
        var receipt = await _receipts.ReadAsync(name, _path.Container, blob.Name, etag, stopping);
        if (receipt.Status is BlobReceiptStatus.Completed or BlobReceiptStatus.Poisoned)
        {
            Settle(blob);
            return;
        }

        var client = _container.GetBlobClient(blob.Name);
        var attempts = receipt.Attempts + 1;
        try
        {
            await using var input = await TriggerValueAsync(client, etag, stopping);
            var data = _path.Match(blob.Name)!.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.OrdinalIgnoreCase);
            data["blobTrigger"] = $"{_path.Container}/{blob.Name}";
            data["uri"] = client.Uri;
            data["metadata"] = blob.Metadata;
            await _invoker.InvokeAsync(_services!, new InvocationInput
            {
                TriggerValue = _ => input.Value,
                BindingData = data,
                CancellationToken = stopping,
            }, _logger, $"New blob detected: {_path.Container}/{blob.Name}");
            await _receipts.WriteAsync(name, _path.Container, blob.Name, etag, new BlobReceipt(BlobReceiptStatus.Completed, attempts), CancellationToken.None);
            Settle(blob);
        }
        catch (Exception) when (!stopping.IsCancellationRequested)
        {
            if (attempts < _poisonThreshold)
            {
                await _receipts.WriteAsync(name, _path.Container, blob.Name, etag, new BlobReceipt(BlobReceiptStatus.Failed, attempts), CancellationToken.None);
                return;
            }

            await _poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            await _poisonQueue.SendMessageAsync(JsonSerializer.Serialize(new
            {
                Type = "BlobTrigger",
                FunctionId = $"Host.Functions.{name}",
                BlobType = "BlockBlob",
                ContainerName = _path.Container,
                BlobName = blob.Name,
                ETag = etag.ToString(),
            }), CancellationToken.None);
            await _receipts.WriteAsync(name, _path.Container, blob.Name, etag, new BlobReceipt(BlobReceiptStatus.Poisoned, attempts), CancellationToken.None);
            Log.BlobPoisoned(_logger, _path.Container, blob.Name, attempts, name, PoisonQueueName);
            Settle(blob);
        }
    }

    private async Task<TriggerInput> TriggerValueAsync(BlobClient client, Azure.ETag etag, CancellationToken cancellationToken)
    {
        var type = _invoker.Function.TriggerParameter.ParameterType;
        if (type == typeof(BlobClient) || type == typeof(BlobBaseClient))
        {
            return new TriggerInput(client);
        }

        var conditions = new BlobRequestConditions { IfMatch = etag };
        if (type == typeof(Stream))
        {
            var stream = await client.OpenReadAsync(new BlobOpenReadOptions(false) { Conditions = conditions }, cancellationToken);
            return new TriggerInput(stream);
        }

        var content = (await client.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value.Content;
        return new TriggerInput(type == typeof(string) ? content.ToString() : type == typeof(byte[]) ? content.ToArray() : content);
    }

    private void Settle(BlobItem blob)
    {
        lock (_settled)
        {
            _settled.Add(Key(blob));
        }
    }

    // Read only between polls, while no blob is being processed.
    private static string Key(BlobItem blob) => blob.Name + "\n" + blob.Properties.ETag;

    private sealed class TriggerInput(object value) : IAsyncDisposable
    {
        public object Value { get; } = value;

        public ValueTask DisposeAsync() => Value is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
