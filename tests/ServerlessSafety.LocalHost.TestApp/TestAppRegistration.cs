using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessSafety.LocalHost.TestApp;

/// <summary>The test app's registrations, shared by its Program.cs and the tests' local host.</summary>
public static class TestAppRegistration
{
    public static IServiceCollection AddLocalHostTestApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<InvocationRecorder>();
        return services;
    }
}
