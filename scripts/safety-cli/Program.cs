using ServerlessSafety.SafetyCli;

return await SafetyCommands.RunAsync(args, Console.Out, Console.Error);
