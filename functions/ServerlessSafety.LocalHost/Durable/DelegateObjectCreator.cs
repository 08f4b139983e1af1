using DurableTask.Core;

namespace ServerlessSafety.LocalHost.Durable;

/// <summary>Hands DurableTask.Core a fresh orchestration or activity per execution, made by the shim factory.</summary>
internal sealed class DelegateObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public DelegateObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
