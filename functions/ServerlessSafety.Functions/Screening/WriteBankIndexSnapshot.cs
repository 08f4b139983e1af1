using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Screening;

namespace ServerlessSafety.Functions.Screening;

/// <summary>Writes the PDQ index snapshot every 15 minutes, so a new instance reads the change feed from there instead of from the start.</summary>
public sealed class WriteBankIndexSnapshot
{
    private readonly PdqBankIndex _index;

    /// <summary>Creates the function.</summary>
    public WriteBankIndexSnapshot(PdqBankIndex index)
    {
        _index = index;
    }

    /// <summary>Catches the index up and writes it. Timer triggers run on one instance at a time.</summary>
    [Function(nameof(WriteBankIndexSnapshot))]
    public async Task Run([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await _index.RefreshAsync(cancellationToken);
        await _index.WriteSnapshotAsync(cancellationToken);
    }
}
