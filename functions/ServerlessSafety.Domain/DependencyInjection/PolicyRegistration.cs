using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.DependencyInjection;

/// <summary>Registers the safety policy.</summary>
public static class PolicyRegistration
{
    /// <summary>
    /// Registers <see cref="SafetyPolicy"/> as a singleton loaded from <c>Policy:Path</c>, checked when the host
    /// starts: an invalid file stops the app with every problem named. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddSafetyPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SafetyPolicyOptions>()
            .Bind(configuration.GetSection(SafetyPolicyOptions.Section))
            .Validate(Loads, "The safety policy could not be loaded.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => SafetyPolicyLoader.LoadFile(sp.GetRequiredService<IOptions<SafetyPolicyOptions>>().Value.ResolvePath()));
        return services;
    }

    private static bool Loads(SafetyPolicyOptions options)
    {
        // Loading throws SafetyPolicyException with the path and every problem; that message is the start error.
        SafetyPolicyLoader.LoadFile(options.ResolvePath());
        return true;
    }
}
