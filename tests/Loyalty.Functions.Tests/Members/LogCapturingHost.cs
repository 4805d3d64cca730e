using System.Collections.Concurrent;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Tests.Members;

/// <summary>The app as <see cref="FunctionsHost"/> wires it, with every log line (message, scope-free) kept for the test to read.</summary>
public sealed class LogCapturingHost : FunctionsHost
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void Configure(IServiceCollection services)
    {
        services.AddSingleton<ILoggerFactory>(new LoggerFactory([new Provider(Lines)], new LoggerFilterOptions { MinLevel = LogLevel.Trace }));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    private sealed class Provider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capture(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Capture(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
