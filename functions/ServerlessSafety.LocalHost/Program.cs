using System.Runtime.InteropServices;
using ServerlessSafety.Functions;
using ServerlessSafety.LocalHost;

// Runs ServerlessSafety's functions locally; see README.md beside this file for settings and keys.
using var stop = new CancellationTokenSource();

// Ctrl-C and SIGTERM (scripts/services down, a process manager) both stop gracefully: the default action would end
// the process before running invocations finish.
void StopGracefully(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopGracefully);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopGracefully);

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
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    Console.Error.WriteLine($"The local host did not start: {e.Message} Stop what listens there, or choose another port with LocalHost__Port.");
    return 1;
}
