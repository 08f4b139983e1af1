using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class LocalSettingsTests : IClassFixture<LocalServicesFixture>
{
    private readonly TestAppHost _app;

    public LocalSettingsTests(LocalServicesFixture services, ITestOutputHelper output)
    {
        _app = new TestAppHost(services, output);
    }

    [Fact]
    public async Task LocalSettingsFile_ValuesReachTheAppAndHost_AndTheCommandLineOverridesThem()
    {
        // The file spells nested keys as func start's local.settings.json does, with "__".
        var values = _app.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        values["UploadsContainer"] = "from-file-" + values["UploadsContainer"];
        values["LocalHost__FunctionKey"] = "function-key-from-file";
        values["LocalHost__MasterKey"] = "master-key-from-file";
        var file = Path.Combine(Path.GetTempPath(), "local.settings." + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        try
        {
            await using var host = new LocalFunctionHost(new LocalFunctionHostOptions
            {
                FunctionsAssembly = typeof(InvocationRecorder).Assembly,
                ConfigureServices = (services, configuration) => services.AddLocalHostTestApp(configuration),
                LocalSettingsPath = file,
                Args = ["--LocalHost:Port=0", "--LocalHost:MasterKey=master-key-from-command-line"],
                ConfigureLogging = logging => logging.ClearProviders(),
            });
            await host.StartAsync();
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

            using var byFileKey = await http.GetAsync("/api/items/1/x?code=function-key-from-file");
            using var byOverriddenKey = await http.PostAsync("/api/admin/ping?code=master-key-from-file", null);
            using var byCommandLineKey = await http.PostAsync("/api/admin/ping?code=master-key-from-command-line", null);

            Assert.Equal(HttpStatusCode.OK, byFileKey.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, byOverriddenKey.StatusCode);
            Assert.Equal(HttpStatusCode.OK, byCommandLineKey.StatusCode);
            Assert.Contains(host.FunctionSummaries, s => s.StartsWith("ProcessUpload: blobTrigger " + values["UploadsContainer"], StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
