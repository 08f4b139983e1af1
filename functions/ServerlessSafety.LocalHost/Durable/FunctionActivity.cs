using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Invocation;

namespace ServerlessSafety.LocalHost.Durable;

/// <summary>An <c>[ActivityTrigger]</c> function as an <see cref="ITaskActivity"/>: the shim deserializes the input to the trigger parameter's type.</summary>
internal sealed class FunctionActivity(FunctionInvoker invoker, IServiceProvider services, ILoggerFactory loggerFactory, CancellationToken stopping) : ITaskActivity
{
    public Type InputType => invoker.Function.TriggerParameter.ParameterType;

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskActivityContext context, object? input)
        => invoker.InvokeAsync(
            services,
            new InvocationInput { TriggerValue = _ => input, CancellationToken = stopping },
            loggerFactory.CreateLogger("Function." + invoker.Function.Name),
            $"Activity of orchestration {context.InstanceId}");
}
