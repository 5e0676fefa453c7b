using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Operations;

/// <summary>Log lines as the service writes them, with the scopes in force.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Dictionary<string, object?> Scope, Exception? Exception)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            logs._scopes.ForEachScope((s, d) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (k, v) in pairs)
                    {
                        d[k] = v;
                    }
                }
            }, scope);
            logs.Lines.Enqueue((category, logLevel, formatter(state, exception), scope, exception));
        }
    }
}

public sealed class EveryOperationIsSlow : AppFixture
{
    public CapturedLogs Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telemetry:SlowOperation"] = "00:00:00",
        ["Logging:LogLevel:Default"] = "Information",
    };

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<ILoggerProvider>(Logs);
}

public sealed class OperationLoggingTests(EveryOperationIsSlow given) : IClassFixture<EveryOperationIsSlow>
{
    [Fact]
    public async Task A_slow_operation_is_logged_at_warning_with_its_duration_operation_name_and_trace_id()
    {
        await given.App.PostAsync("query WhoAmI { viewer { role } }", token: given.App.Token("commander"));

        var line = Assert.Single(given.Logs.Lines, l => l.Message.Contains("Slow GraphQL operation WhoAmI", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Matches(@"took \d+ ms", line.Message);
        Assert.Equal("WhoAmI", line.Scope["Operation"]);
        Assert.False(string.IsNullOrEmpty(line.Scope["TraceId"]?.ToString()));
    }
}
