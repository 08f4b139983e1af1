using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSafety.Domain.Moderation;

namespace ServerlessSafety.Domain.DependencyInjection;

/// <summary>Registers the moderators' workspace.</summary>
public static class ModerationRegistration
{
    /// <summary>
    /// Registers <see cref="ModerationWorkspace"/> and <see cref="DecisionService"/>. They need the policy, the offenders
    /// (<see cref="OffendersRegistration.AddSafetyOffenders"/>), a case store, a content vault and a case work queue. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddSafetyModeration(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModerationWorkspace>();
        services.TryAddSingleton<DecisionService>();
        return services;
    }
}
