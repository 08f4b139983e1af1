namespace ServerlessSafety.LocalHost.Invocation;

/// <summary>What one kind of trigger can bind: the trigger parameter's types and the binding data's names.</summary>
/// <param name="DescribeTriggerTypes">The supported trigger parameter types, for the start message.</param>
/// <param name="SupportsTriggerType">Whether the trigger parameter may have this type.</param>
/// <param name="BindingData">Names (case-insensitive) and types of the binding data.</param>
internal sealed record TriggerShape(
    string DescribeTriggerTypes,
    Func<Type, bool> SupportsTriggerType,
    IReadOnlyDictionary<string, Type> BindingData);
