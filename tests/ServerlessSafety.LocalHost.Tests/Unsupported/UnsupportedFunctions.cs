using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace ServerlessSafety.LocalHost.Tests.Unsupported;

/// <summary>
/// Functions the local host must refuse to start with: the only <c>[Function]</c> methods of this test assembly, so
/// that <see cref="StartCheckTests"/> can hand the assembly to the host.
/// </summary>
public sealed class UnsupportedFunctions
{
    [Function("CustomTriggered")]
    public void CustomTriggered([CustomTrigger] string payload)
    {
    }

    [Function("UnboundParameter")]
    public void UnboundParameter([BlobTrigger("uploads/{name}")] string content, string name, int size)
    {
    }

    [Function("MissingConnection")]
    public void MissingConnection([BlobTrigger("uploads/{name}", Connection = "Nowhere")] string content)
    {
    }
}

/// <summary>A trigger no host knows.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class CustomTriggerAttribute : TriggerBindingAttribute
{
}
