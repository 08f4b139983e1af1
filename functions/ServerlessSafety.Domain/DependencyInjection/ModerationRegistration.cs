using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Access;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Moderation.Wellness;

namespace ServerlessSafety.Domain.DependencyInjection;

/// <summary>Registers the moderators' workspace.</summary>
public static class ModerationRegistration
{
    /// <summary>
    /// Registers <see cref="ModerationWorkspace"/>, <see cref="DecisionService"/> and the sign-in settings
    /// (<see cref="ModeratorAccessOptions"/>, <see cref="DevelopmentSession"/>, <see cref="WellnessOptions"/>). They need the
    /// policy, the offenders (<see cref="OffendersRegistration.AddSafetyOffenders"/>), a case store and its change feed, a
    /// content vault, a case work queue, the queue view, the audit log and the exposure store. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddSafetyModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModeratorAccessOptions>()
            .Bind(configuration.GetSection(ModeratorAccessOptions.Section))
            .Validate(o => o.DevelopmentKey is null or "" || TryKey(o.DevelopmentKey) is { Length: >= 32 }, "Moderation:DevelopmentKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DevelopmentSession(
            TryKey(sp.GetRequiredService<IOptions<ModeratorAccessOptions>>().Value.DevelopmentKey) ?? RandomNumberGenerator.GetBytes(32),
            sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<WellnessOptions>()
            .Bind(configuration.GetSection(WellnessOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<QueueProjection>();
        services.TryAddSingleton<ModeratorActivity>();
        services.TryAddSingleton<ModerationWorkspace>();
        services.TryAddSingleton<DecisionService>();
        return services;
    }

    private static byte[]? TryKey(string? base64)
    {
        try
        {
            return string.IsNullOrEmpty(base64) ? null : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
