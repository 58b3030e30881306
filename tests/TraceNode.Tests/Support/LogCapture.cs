using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Trace.Node.Tests.Support;

/// <summary>A logger provider that keeps every event id and message, so a test can count what the engine logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, EventId Id, string Message)> _events = new();

    /// <summary>Messages logged with event id <paramref name="id"/>, oldest first.</summary>
    public IReadOnlyList<string> Messages(int id) => [.. _events.Where(e => e.Id.Id == id).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _events);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(string, EventId, string)> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) events.Enqueue((category, eventId, formatter(state, exception)));
        }
    }
}
