using ServerlessSafety.Functions;
using ServerlessSafety.LocalHost;

// Runs ServerlessSafety's functions locally; see README.md beside this file for settings and keys.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var host = new LocalFunctionHost(new LocalFunctionHostOptions
{
    FunctionsAssembly = typeof(ServerlessSafetyAppRegistration).Assembly,
    ConfigureServices = (services, configuration) => services.AddServerlessSafetyApp(configuration),
    Args = args,
});
try
{
    await host.RunAsync(stop.Token);
    return 0;
}
catch (LocalHostStartException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
