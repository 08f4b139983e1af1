using ServerlessSafety.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await SafetyCli.RunAsync(args, Console.Out, Console.Error, cancellationToken: cancel.Token);
