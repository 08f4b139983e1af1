using System.Reflection;

namespace ServerlessSafety.LocalHost.Discovery;

/// <summary>One <c>[Function]</c> method of the app and its trigger.</summary>
/// <param name="Name">The function's name from <c>[Function(name)]</c>.</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="TriggerParameter">The parameter that carries the trigger attribute.</param>
/// <param name="Trigger">The trigger attribute.</param>
internal sealed record FunctionDescriptor(string Name, MethodInfo Method, ParameterInfo TriggerParameter, Attribute Trigger)
{
    /// <summary>The method as <c>Type.Method</c>, for messages.</summary>
    public string EntryPoint => $"{Method.DeclaringType?.FullName}.{Method.Name}";
}
