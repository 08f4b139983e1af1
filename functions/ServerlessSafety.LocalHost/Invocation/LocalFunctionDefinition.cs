using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.LocalHost.Discovery;

namespace ServerlessSafety.LocalHost.Invocation;

/// <summary>The worker's view of a discovered function: name, entry point and parameters; bindings are not described.</summary>
internal sealed class LocalFunctionDefinition : FunctionDefinition
{
    public LocalFunctionDefinition(FunctionDescriptor function)
    {
        Name = function.Name;
        Id = function.Name;
        EntryPoint = function.EntryPoint;
        PathToAssembly = function.Method.DeclaringType!.Assembly.Location;
        Parameters = function.Method.GetParameters()
            .Select(p => new FunctionParameter(p.Name!, p.ParameterType))
            .ToImmutableArray();
    }

    public override ImmutableArray<FunctionParameter> Parameters { get; }

    public override string PathToAssembly { get; }

    public override string EntryPoint { get; }

    public override string Id { get; }

    public override string Name { get; }

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
}
