using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ServerlessSafety.Domain.DependencyInjection;

namespace ServerlessSafety.Functions.Escalation;

/// <summary>Registers the escalation functions' services.</summary>
public static class NcmecEscalationRegistration
{
    /// <summary>Adds CyberTipline reporting and the status check at start. Calling it twice changes nothing.</summary>
    public static IServiceCollection AddNcmecEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNcmecReporting(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CyberTiplineStartupCheck>());
        return services;
    }
}
