using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Offenders.Webhooks;

namespace ServerlessSafety.Domain.DependencyInjection;

/// <summary>Registers offender records, the ladder and enforcement events.</summary>
public static class OffendersRegistration
{
    /// <summary>
    /// Registers <see cref="OffenderEnforcement"/>, the webhook sink (active when <c>Enforcement:Webhook:Url</c> is set,
    /// validated at start) and an in-memory <see cref="IOffenderStore"/> unless a store is registered already
    /// (register the Cosmos store first). Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddSafetyOffenders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOffenderStore, InMemoryOffenderStore>();
        services.TryAddSingleton<OffenderEnforcement>();
        services.AddOptions<EnforcementWebhookOptions>()
            .Bind(configuration.GetSection(EnforcementWebhookOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(WebhookEnforcementEventSink.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedWebhookHandler.Create(sp.GetRequiredService<IOptions<EnforcementWebhookOptions>>().Value.AllowLoopback));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEnforcementEventSink, WebhookEnforcementEventSink>());
        return services;
    }
}
