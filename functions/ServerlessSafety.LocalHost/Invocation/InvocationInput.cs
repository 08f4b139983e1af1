namespace ServerlessSafety.LocalHost.Invocation;

/// <summary>What a trigger hands to one invocation.</summary>
internal sealed class InvocationInput
{
    /// <summary>Converts the trigger's payload to the trigger parameter's type (checked at start).</summary>
    public required Func<Type, object?> TriggerValue { get; init; }

    /// <summary>Values other parameters bind to by name (route values, blob name, message properties).</summary>
    public IReadOnlyDictionary<string, object?> BindingData { get; init; } = new Dictionary<string, object?>();

    /// <summary>Cancelled when the invocation must stop (host shutdown, aborted request).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Items placed on the <see cref="Microsoft.Azure.Functions.Worker.FunctionContext"/>.</summary>
    public IReadOnlyDictionary<object, object> Items { get; init; } = new Dictionary<object, object>();
}
