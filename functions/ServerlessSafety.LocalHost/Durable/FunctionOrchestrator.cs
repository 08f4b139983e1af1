using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Invocation;

namespace ServerlessSafety.LocalHost.Durable;

/// <summary>An <c>[OrchestrationTrigger]</c> function as an <see cref="ITaskOrchestrator"/>, for the shim factory.</summary>
internal sealed class FunctionOrchestrator(FunctionInvoker invoker, IServiceProvider services, DataConverter converter, ILoggerFactory loggerFactory) : ITaskOrchestrator
{
    public Type InputType => typeof(JsonElement?);

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var functionContext = new FunctionOrchestrationContext(context, input as JsonElement?, converter, loggerFactory);
        // Replay-safe: replays would log each step again.
        var logger = functionContext.CreateReplaySafeLogger("Function." + invoker.Function.Name);
        return invoker.InvokeAsync(services, new InvocationInput { TriggerValue = _ => functionContext }, logger, $"Orchestration {context.InstanceId}");
    }
}
