namespace ServerlessSafety.LocalHost;

/// <summary>Runs one function's non-HTTP trigger while the host runs.</summary>
internal interface ITriggerListener
{
    /// <summary>The trigger as the start-up list shows it, e.g. <c>serviceBusTrigger queue=triage</c>.</summary>
    string Description { get; }

    /// <summary>Starts listening; returns once the trigger is ready.</summary>
    Task StartAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Stops listening and waits for running invocations.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
