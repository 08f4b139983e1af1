using Microsoft.Azure.Functions.Worker;

namespace ServerlessSafety.LocalHost.TestApp;

public sealed class TimerFunctions
{
    private readonly InvocationRecorder _recorder;

    public TimerFunctions(InvocationRecorder recorder)
    {
        _recorder = recorder;
    }

    [Function("Tick")]
    public void Tick([TimerTrigger("%TickSchedule%", RunOnStartup = true)] TimerInfo timer)
        => _recorder.Record("Tick", timer.ScheduleStatus is null ? "no status" : "status");
}
