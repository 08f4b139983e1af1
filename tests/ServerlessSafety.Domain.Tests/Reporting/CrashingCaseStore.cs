using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Tests.Reporting;

/// <summary>The process dying: after <see cref="UpdatesBeforeCrash"/> saved updates, the next update throws before saving.</summary>
public sealed class CrashingCaseStore : ICaseStore
{
    private readonly ICaseStore _inner;
    private int _updates;

    public CrashingCaseStore(ICaseStore inner, int updatesBeforeCrash)
    {
        _inner = inner;
        UpdatesBeforeCrash = updatesBeforeCrash;
    }

    public int UpdatesBeforeCrash { get; }

    /// <summary>Updates asked for so far, including the one that crashed.</summary>
    public int Updates => Volatile.Read(ref _updates);

    public Task<bool> TryCreateAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default) => _inner.TryCreateAsync(safetyCase, cancellationToken);

    public Task<SafetyCase?> GetAsync(string caseId, CancellationToken cancellationToken = default) => _inner.GetAsync(caseId, cancellationToken);

    public Task<SafetyCase?> UpdateAsync(string caseId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken = default)
        => Interlocked.Increment(ref _updates) > UpdatesBeforeCrash
            ? throw new SimulatedCrashException()
            : _inner.UpdateAsync(caseId, change, cancellationToken);

}

public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }
}
