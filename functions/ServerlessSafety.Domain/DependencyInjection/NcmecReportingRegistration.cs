using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSafety.Domain.Evidence;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Domain.DependencyInjection;

/// <summary>Registers CyberTipline reporting and evidence preservation.</summary>
public static class NcmecReportingRegistration
{
    /// <summary>The name of the CyberTipline HTTP client.</summary>
    public const string HttpClientName = "cybertipline";

    /// <summary>
    /// Adds the report builder, the CyberTipline client, evidence preservation and export, and the escalation service,
    /// with <see cref="NcmecOptions"/> bound from <c>Ncmec</c> and checked at start (production only when
    /// <see cref="NcmecOptions.UseProduction"/> is set). Needs a case store and a content vault. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddNcmecReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(NcmecEscalationService)))
        {
            return services;
        }

        services.AddOptions<NcmecOptions>()
            .Bind(configuration.GetSection(NcmecOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.BaseUrlIsAllowed(), $"{NcmecOptions.Section}:BaseUrl is NCMEC's production service but {NcmecOptions.Section}:UseProduction is not true.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton<CyberTiplineReportBuilder>();
        services.TryAddSingleton<EvidencePreservation>();
        services.TryAddSingleton<EvidenceExport>();
        services.AddHttpClient<ICyberTiplineClient, HttpCyberTiplineClient>(HttpClientName, http =>
        {
            // Each try is timed by the retry pipeline; the client itself must not cut the whole sequence short.
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.TryAddTransient<NcmecEscalationService>();
        return services;
    }
}
