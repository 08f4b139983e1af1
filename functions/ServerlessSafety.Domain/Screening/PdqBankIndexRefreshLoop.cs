using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Banks;

namespace ServerlessSafety.Domain.Screening;

/// <summary>Keeps the <see cref="PdqBankIndex"/> current: a refresh every <see cref="HashMatchingOptions.RefreshInterval"/> until stopped.</summary>
public sealed class PdqBankIndexRefreshLoop
{
    private readonly PdqBankIndex _index;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<PdqBankIndexRefreshLoop> _logger;

    /// <summary>Creates the loop.</summary>
    public PdqBankIndexRefreshLoop(PdqBankIndex index, TimeProvider time, IOptions<HashMatchingOptions> options, ILogger<PdqBankIndexRefreshLoop> logger)
    {
        _index = index;
        _time = time;
        _interval = options.Value.RefreshInterval;
        _logger = logger;
    }

    /// <summary>Loads the index, then refreshes it until <paramref name="stoppingToken"/> fires. A failed cycle is logged and retried.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _index.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.RefreshFailed(_logger, e);
            }

            try
            {
                await Task.Delay(_interval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
