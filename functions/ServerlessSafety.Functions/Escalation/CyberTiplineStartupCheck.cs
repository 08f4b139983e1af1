using Microsoft.Extensions.Hosting;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Functions.Escalation;

/// <summary>Checks <c>GET /status</c> once when the app starts, so wrong credentials show in the log at deploy time, not at the first report.</summary>
/// <remarks>Never stops the app: reports keep queueing and are sent once the service answers.</remarks>
public sealed class CyberTiplineStartupCheck : BackgroundService
{
    private readonly ICyberTiplineClient _client;

    /// <summary>Creates the check.</summary>
    public CyberTiplineStartupCheck(ICyberTiplineClient client)
    {
        _client = client;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _client.GetStatusAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app stopped first.
        }
    }
}
