using System.Globalization;
using ServerlessSafety.Domain.Reporting;
using ServerlessSafety.LocalCyberTipline;

// usage: ServerlessSafety.LocalCyberTiplineServer [--port 7072] [--schema cyber_tipline.xsd]
// Credentials: NcmecUsername / NcmecPassword from the environment, else the published local ones.
// Prints "ready <base url>" once it listens, as the other local services do.
var port = 0;
string? schemaPath = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port" when int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 65535:
            port = parsed;
            break;
        case "--schema":
            schemaPath = args[i + 1];
            break;
        default:
            Console.Error.WriteLine("usage: ServerlessSafety.LocalCyberTiplineServer [--port N] [--schema cyber_tipline.xsd]");
            return 2;
    }
}

schemaPath ??= CyberTiplineSchema.Find(Directory.GetCurrentDirectory()) ?? CyberTiplineSchema.Find(AppContext.BaseDirectory);
var schema = schemaPath is null ? null : CyberTiplineSchema.Load(schemaPath);
await using var tipline = await LocalCyberTiplineServer.StartAsync(
    schema,
    port,
    Environment.GetEnvironmentVariable("NcmecUsername") ?? LocalCyberTiplineServer.User,
    Environment.GetEnvironmentVariable("NcmecPassword") ?? LocalCyberTiplineServer.Password);
Console.Error.WriteLine(schema is null ? "local CyberTipline: no schema file found; documents are checked for well-formedness only" : $"local CyberTipline: validating against {schemaPath}");
Console.WriteLine($"ready {tipline.BaseUrl}");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
return 0;
