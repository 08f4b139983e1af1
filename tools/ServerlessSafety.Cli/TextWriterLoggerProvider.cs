using Microsoft.Extensions.Logging;

namespace ServerlessSafety.Cli;

/// <summary>Writes log messages to the command's error stream, one line each, without exception details.</summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(writer);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                // The exception's message can quote what a service answered; its type is enough here.
                writer.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, null)}{(exception is null ? "" : $" ({exception.GetType().Name})")}");
            }
        }
    }
}
