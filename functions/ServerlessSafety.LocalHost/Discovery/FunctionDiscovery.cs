using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace ServerlessSafety.LocalHost.Discovery;

/// <summary>Finds the <c>[Function]</c> methods of an assembly by reflection, as the worker's generator does at build time.</summary>
internal static class FunctionDiscovery
{
    /// <summary>Every function, and a problem for each method whose trigger cannot be found.</summary>
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly, ICollection<StartProblem> problems)
    {
        var functions = new List<FunctionDescriptor>();
        foreach (var type in LoadableTypes(assembly).Where(t => t.IsClass && !t.IsGenericTypeDefinition))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                var triggers = method.GetParameters()
                    .Select(p => (Parameter: p, Trigger: p.GetCustomAttributes().FirstOrDefault(a => a is TriggerBindingAttribute)))
                    .Where(p => p.Trigger is not null)
                    .ToList();
                if (triggers.Count != 1)
                {
                    problems.Add(new StartProblem(function.Name, triggers.Count == 0 ? "has no trigger parameter" : "has more than one trigger parameter"));
                    continue;
                }

                if (type.IsAbstract && !method.IsStatic)
                {
                    problems.Add(new StartProblem(function.Name, $"is an instance method of the abstract class {type.FullName}"));
                    continue;
                }

                functions.Add(new FunctionDescriptor(function.Name, method, triggers[0].Parameter, triggers[0].Trigger!));
            }
        }

        foreach (var duplicate in functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new StartProblem(duplicate.Key, "is declared more than once: " + string.Join(", ", duplicate.Select(f => f.EntryPoint))));
        }

        return functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
