using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServerlessSafety.LocalHost;

/// <summary>What <see cref="LocalFunctionHost"/> runs and where it reads its settings.</summary>
public sealed class LocalFunctionHostOptions
{
    /// <summary>The function app's assembly, whose <c>[Function]</c> methods are discovered by reflection.</summary>
    public required Assembly FunctionsAssembly { get; init; }

    /// <summary>The app's own service registration, the same call its <c>Program.cs</c> makes.</summary>
    public required Action<IServiceCollection, IConfiguration> ConfigureServices { get; init; }

    /// <summary>
    /// The <c>local.settings.json</c> whose <c>Values</c> become settings. When null, the setting
    /// <c>LocalHost:SettingsFile</c> names it, else <c>local.settings.json</c> beside the host's binaries.
    /// A missing file is not an error: environment variables may carry everything.
    /// </summary>
    public string? LocalSettingsPath { get; init; }

    /// <summary>The app's <c>host.json</c>; when null, <c>host.json</c> beside the host's binaries.</summary>
    public string? HostJsonPath { get; init; }

    /// <summary>Command-line arguments (<c>--Key=Value</c>), above environment variables and local settings.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Settings above every other source; tests use them to point the host at their own resources.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Changes to the host's logging, e.g. to quiet it in tests.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
