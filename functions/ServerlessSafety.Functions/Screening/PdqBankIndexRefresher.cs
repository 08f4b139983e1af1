using Microsoft.Extensions.Hosting;
using ServerlessSafety.Domain.Screening;

namespace ServerlessSafety.Functions.Screening;

/// <summary>
/// Runs the PDQ index's refresh loop for as long as the worker instance lives, so hashes added to the bank match
/// new uploads within one refresh interval (2 s by default) of reaching Cosmos DB.
/// </summary>
/// <remarks>Every instance keeps its own copy of the index, so every instance runs its own loop.</remarks>
public sealed class PdqBankIndexRefresher : BackgroundService
{
    private readonly PdqBankIndexRefreshLoop _loop;

    /// <summary>Creates the service.</summary>
    public PdqBankIndexRefresher(PdqBankIndexRefreshLoop loop)
    {
        _loop = loop;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _loop.RunAsync(stoppingToken);
}
