using System.Collections.Concurrent;

namespace ServerlessSafety.LocalHost.TestApp;

/// <summary>What the test functions saw, in order; tests hand the host their own instance so it outlives a restart.</summary>
public sealed class InvocationRecorder
{
    private readonly ConcurrentQueue<Invocation> _invocations = new();

    public IReadOnlyList<Invocation> All => _invocations.ToArray();

    public void Record(string function, string detail) => _invocations.Enqueue(new Invocation(function, detail));

    public int Count(string function, string detail) => All.Count(i => i.Function == function && i.Detail == detail);
}

public sealed record Invocation(string Function, string Detail);
