using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Notices;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Domain.Sla;
using ServerlessSafety.Domain.Offenders.Webhooks;

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
        AddNotices(services, configuration);
        return services;
    }

    private static void AddNotices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NoticesOptions>()
            .Bind(configuration.GetSection(NoticesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => new NoticeWebhookSigner(sp.GetRequiredService<IOptions<NoticesOptions>>().Value.WebhookSecret));
        services.AddHttpClient(WebhookNoticeSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedWebhookHandler.Create(sp.GetRequiredService<IOptions<NoticesOptions>>().Value.AllowLoopbackWebhooks));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INoticeSender, WebhookNoticeSender>());
        if (configuration.GetValue<bool>($"{NoticesOptions.Section}:{nameof(NoticesOptions.UseDevelopmentMailbox)}"))
        {
            services.TryAddSingleton<DevelopmentMailbox>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<INoticeSender, DevelopmentMailbox>(sp => sp.GetRequiredService<DevelopmentMailbox>()));
        }
    }
}
