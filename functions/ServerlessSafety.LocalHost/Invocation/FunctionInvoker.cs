using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Discovery;

// The Durable analyzer takes this host-side code for orchestrator code; orchestrations pass it a replay-safe logger.
#pragma warning disable DURABLE0010

namespace ServerlessSafety.LocalHost.Invocation;

/// <summary>
/// Invokes one function: a DI scope per invocation, the function class made from it with
/// <see cref="ActivatorUtilities"/> as the worker does, arguments bound by a plan checked at start.
/// </summary>
internal sealed class FunctionInvoker
{
    private readonly Func<BindingState, object?>[] _arguments;
    private readonly ObjectFactory? _factory;
    private readonly LocalFunctionDefinition _definition;

    private FunctionInvoker(FunctionDescriptor function, Func<BindingState, object?>[] arguments)
    {
        Function = function;
        _arguments = arguments;
        _definition = new LocalFunctionDefinition(function);
        _factory = function.Method.IsStatic ? null : ActivatorUtilities.CreateFactory(function.Method.DeclaringType!, Type.EmptyTypes);
    }

    public FunctionDescriptor Function { get; }

    /// <summary>Whether any parameter asks for a <see cref="DurableTaskClient"/>.</summary>
    public static bool NeedsDurableClient(FunctionDescriptor function)
        => function.Method.GetParameters().Any(p => p.GetCustomAttribute<DurableClientAttribute>() is not null);

    /// <summary>Plans the arguments; null, with problems added, when a parameter cannot be bound.</summary>
    public static FunctionInvoker? Create(FunctionDescriptor function, TriggerShape shape, ICollection<StartProblem> problems)
    {
        var before = problems.Count;
        var arguments = function.Method.GetParameters().Select(p => Plan(function, p, shape, problems)).ToArray();
        if (function.Method.ReturnParameter.GetCustomAttributes().Any(a => a is BindingAttribute))
        {
            problems.Add(new StartProblem(function.Name, "has an output binding on its return value, which the local host does not support"));
        }

        return problems.Count == before ? new FunctionInvoker(function, arguments!) : null;
    }

    /// <summary>Runs the function and returns what it returned (awaited), or rethrows what it threw.</summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, InvocationInput input, ILogger logger, string reason)
    {
        await using var scope = services.CreateAsyncScope();
        var context = new LocalFunctionContext(_definition, scope.ServiceProvider, input.BindingData, input.CancellationToken);
        foreach (var item in input.Items)
        {
            context.Items[item.Key] = item.Value;
        }

        var state = new BindingState(input, context, scope.ServiceProvider);
        var started = Stopwatch.GetTimestamp();
        Log.Executing(logger, Function.Name, reason, context.InvocationId);
        try
        {
            var instance = _factory?.Invoke(scope.ServiceProvider, []);
            var arguments = _arguments.Select(a => a(state)).ToArray();
            var result = await AwaitResultAsync(Invoke(instance, arguments));
            Log.Executed(logger, Function.Name, "Succeeded", context.InvocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception e)
        {
            Log.Failed(logger, e, Function.Name, context.InvocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private object? Invoke(object? instance, object?[] arguments)
    {
        try
        {
            return Function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static async Task<object?> AwaitResultAsync(object? returned)
    {
        var task = returned switch
        {
            Task t => t,
            ValueTask v => v.AsTask(),
            { } other when other.GetType().IsGenericType && other.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>)
                => (Task)other.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(other, null)!,
            _ => null,
        };
        if (task is null)
        {
            return returned;
        }

        await task;
        var type = task.GetType();
        return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
            ? type.GetProperty(nameof(Task<int>.Result))!.GetValue(task)
            : null;
    }

    private static Func<BindingState, object?>? Plan(FunctionDescriptor function, ParameterInfo parameter, TriggerShape shape, ICollection<StartProblem> problems)
    {
        var type = parameter.ParameterType;
        // By position: hosts discovering the same assembly at once may each get their own ParameterInfo objects.
        if (parameter.Position == function.TriggerParameter.Position)
        {
            if (!shape.SupportsTriggerType(type))
            {
                problems.Add(new StartProblem(function.Name, $"binds its {function.Trigger.GetType().Name} to '{parameter.Name}' of type {type.Name}; the local host binds {shape.DescribeTriggerTypes}"));
                return null;
            }

            return state => state.Input.TriggerValue(type);
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            if (type != typeof(DurableTaskClient))
            {
                problems.Add(new StartProblem(function.Name, $"binds [DurableClient] to '{parameter.Name}' of type {type.Name}; only DurableTaskClient is supported"));
                return null;
            }

            return state => state.Services.GetRequiredService<DurableTaskClient>();
        }

        if (parameter.GetCustomAttributes().FirstOrDefault(a => a is BindingAttribute) is { } binding)
        {
            problems.Add(new StartProblem(function.Name, $"uses the binding {binding.GetType().Name} on '{parameter.Name}', which the local host does not support"));
            return null;
        }

        if (type == typeof(CancellationToken))
        {
            return state => state.Input.CancellationToken;
        }

        if (type == typeof(FunctionContext))
        {
            return state => state.Context;
        }

        var dataName = shape.BindingData.Keys.FirstOrDefault(k => string.Equals(k, parameter.Name, StringComparison.OrdinalIgnoreCase));
        if (dataName is not null && CanConvert(shape.BindingData[dataName], type))
        {
            return state => Convert(state.Input.BindingData.FirstOrDefault(d => string.Equals(d.Key, dataName, StringComparison.OrdinalIgnoreCase)).Value, type);
        }

        var known = shape.BindingData.Count == 0 ? "none" : string.Join(", ", shape.BindingData.Keys);
        problems.Add(new StartProblem(function.Name, $"has the parameter '{parameter.Name}' of type {type.Name}, which the local host cannot bind (binding data: {known}; also CancellationToken, FunctionContext, [DurableClient] DurableTaskClient)"));
        return null;
    }

    private static bool CanConvert(Type from, Type to)
    {
        var target = Nullable.GetUnderlyingType(to) ?? to;
        return to.IsAssignableFrom(from)
            || to == typeof(string)
            || (from == typeof(string) && TypeDescriptor.GetConverter(target).CanConvertFrom(typeof(string)))
            || (typeof(IConvertible).IsAssignableFrom(from) && typeof(IConvertible).IsAssignableFrom(target));
    }

    private static object? Convert(object? value, Type to)
    {
        var target = Nullable.GetUnderlyingType(to) ?? to;
        return value switch
        {
            null => to.IsValueType && Nullable.GetUnderlyingType(to) is null ? Activator.CreateInstance(to) : null,
            _ when to.IsInstanceOfType(value) => value,
            _ when to == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture),
            string text => TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text),
            _ => System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
        };
    }

    private sealed record BindingState(InvocationInput Input, LocalFunctionContext Context, IServiceProvider Services);
}
