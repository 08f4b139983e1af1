using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSafety.Domain.Triage;

namespace ServerlessSafety.Domain.DependencyInjection;

/// <summary>Registers triage.</summary>
public static class TriageRegistration
{
    /// <summary>
    /// Registers <see cref="TriageService"/>. It needs the policy (<see cref="PolicyRegistration.AddSafetyPolicy"/>),
    /// a case store, an offender store and a case work queue. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddSafetyTriage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TriageService>();
        return services;
    }
}
