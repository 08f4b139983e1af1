using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Notices;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Domain.Sla;

namespace ServerlessSafety.Domain.DependencyInjection;

/// <summary>Registers victim reports, their status, notices and the SLA steps.</summary>
public static class ReportsRegistration
{
    /// <summary>Adds report intake and follow-up. Needs the stores (case, receipts, Idempotency-Keys, outbox) and the policy.</summary>
    public static IServiceCollection AddVictimReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportsOptions>()
            .Bind(configuration.GetSection(ReportsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => { o.StatusTokenKeyBytes(); return true; })
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReportCategories, PolicyReportCategories>();
        services.TryAddSingleton<ReportValidator>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ReportsOptions>>().Value;
            return new ReportRateLimiter(sp.GetRequiredService<TimeProvider>(), options.RateLimitPermits, options.RateLimitWindow);
        });
        services.TryAddSingleton(sp => new StatusTokens(sp.GetRequiredService<IOptions<ReportsOptions>>().Value.StatusTokenKeyBytes()));
        services.TryAddSingleton(sp => new SlaReminderSchedule(sp.GetRequiredService<IOptions<ReportsOptions>>().Value.ReminderFractions));
        services.TryAddSingleton<ReportIntake>();
        services.TryAddSingleton<ReportCaseOpener>();
        services.TryAddSingleton<ReportStatus>();
        services.TryAddSingleton<CaseNotices>();
        services.TryAddSingleton<NoticeDispatcher>();
        services.TryAddSingleton<CaseSlaSteps>();
        return services;
    }
}
