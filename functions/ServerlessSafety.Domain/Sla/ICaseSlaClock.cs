namespace ServerlessSafety.Domain.Sla;

/// <summary>The clock that runs for each case until its final resolution (a durable orchestration in the app).</summary>
public interface ICaseSlaClock
{
    /// <summary>Starts the clock of a case; starting it again for the same case changes nothing.</summary>
    Task StartAsync(CaseSlaStart start, CancellationToken cancellationToken = default);

    /// <summary>Tells the clock the case is resolved, so it stops and the final notice goes out.</summary>
    Task NotifyResolvedAsync(string caseId, CancellationToken cancellationToken = default);
}
