using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSafety.Domain.DependencyInjection;
using ServerlessSafety.Functions.Escalation;
using ServerlessSafety.Functions.Moderation;
using ServerlessSafety.Functions.Pages;
using ServerlessSafety.Functions.Screening;
using ServerlessSafety.Storage.Cosmos.Offenders;
using ServerlessSafety.Storage.DependencyInjection;

namespace ServerlessSafety.Functions;

/// <summary>
/// The app's service registrations, shared by <c>Program.cs</c> and the local host so both run the same graph.
/// </summary>
public static class ServerlessSafetyAppRegistration
{
    /// <summary>Registers everything the functions need. Calling it twice changes nothing.</summary>
    public static IServiceCollection AddServerlessSafetyApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddAzureSafetyStores(configuration);
        services.AddSafetyPolicy(configuration);
        services.AddAzureOffenderStores(configuration).AddSafetyOffenders(configuration);
        services.AddSafetyTriage();
        services.AddSafetyModeration(configuration);
        services.TryAddSingleton<ModeratorGate>();
        services.AddVictimReports(configuration);
        services.AddNcmecEscalation(configuration);
        services.AddUploadScreeningFunctions(configuration);
        services.TryAddSingleton<ReportPageRenderer>();
        return services;
    }
}
