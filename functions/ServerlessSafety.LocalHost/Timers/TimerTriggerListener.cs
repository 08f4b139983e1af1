using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Configuration;
using ServerlessSafety.LocalHost.Discovery;
using ServerlessSafety.LocalHost.Invocation;

namespace ServerlessSafety.LocalHost.Timers;

/// <summary>A timer trigger: runs the function at each occurrence of its schedule, never two runs at once, and once at start when <c>RunOnStartup</c>.</summary>
internal sealed class TimerTriggerListener : ITriggerListener
{
    private readonly FunctionInvoker _invoker;
    private readonly TimerSchedule _schedule;
    private readonly bool _runOnStartup;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    private TimerTriggerListener(FunctionInvoker invoker, TimerSchedule schedule, bool runOnStartup, TimeProvider time)
    {
        _invoker = invoker;
        _schedule = schedule;
        _runOnStartup = runOnStartup;
        _time = time;
    }

    public string Description => $"timerTrigger {_schedule.Text}{(_runOnStartup ? " (runs on startup)" : string.Empty)}";

    public static TimerTriggerListener? Create(FunctionDescriptor function, IConfiguration configuration, TimeProvider time, ICollection<StartProblem> problems)
    {
        var trigger = (TimerTriggerAttribute)function.Trigger;
        TimerSchedule? schedule = null;
        try
        {
            schedule = TimerSchedule.Parse(SettingExpression.Resolve(trigger.Schedule ?? string.Empty, configuration));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            problems.Add(new StartProblem(function.Name, $"has a timer schedule it cannot use: {e.Message}"));
        }

        var invoker = FunctionInvoker.Create(function, new TriggerShape("TimerInfo", t => t == typeof(TimerInfo), new Dictionary<string, Type>()), problems);
        return invoker is null || schedule is null ? null : new TimerTriggerListener(invoker, schedule, trigger.RunOnStartup, time);
    }

    public Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).CreateLogger("Function." + _invoker.Function.Name);
        _loop = Task.Run(() => RunAsync(services, logger, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        var last = _time.GetUtcNow().UtcDateTime;
        if (_runOnStartup)
        {
            await InvokeAsync(services, logger, last, stopping);
        }

        while (!stopping.IsCancellationRequested)
        {
            var next = _schedule.Next(_time.GetUtcNow().UtcDateTime);
            var wait = next - _time.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (!stopping.IsCancellationRequested)
            {
                await InvokeAsync(services, logger, last, stopping);
                last = next;
            }
        }
    }

    private async Task InvokeAsync(IServiceProvider services, ILogger logger, DateTime last, CancellationToken stopping)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var timer = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last, Next = _schedule.Next(now), LastUpdated = now },
        };
        try
        {
            await _invoker.InvokeAsync(services, new InvocationInput { TriggerValue = _ => timer, CancellationToken = stopping }, logger, $"Timer fired at {now:O}");
        }
        catch (Exception) when (!stopping.IsCancellationRequested)
        {
            // The invoker logged it; a failed run does not stop the schedule, as in the Functions host.
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
