using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }
}
