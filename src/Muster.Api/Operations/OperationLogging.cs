using System.Diagnostics;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace Muster.Api.Operations;

/// <summary>The <c>Telemetry</c> configuration section's log settings.</summary>
public sealed class OperationLogOptions
{
    public const string Section = "Telemetry";

    /// <summary>A GraphQL operation that takes longer is logged at warning with its duration.</summary>
    public TimeSpan SlowOperation { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Every log line written while a GraphQL operation runs carries its name and type (a logging scope, on top of the
/// request's trace id that ASP.NET Core puts in scope); an operation slower than <see cref="OperationLogOptions.SlowOperation"/>
/// is logged at warning with its duration. Covers HTTP and WebSocket alike.
/// </summary>
public sealed partial class OperationLogging(ILogger<OperationLogging> logger, IOptions<OperationLogOptions> settings, TimeProvider time) : IConfigureExecution
{
    public float SortOrder => 50;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var named = options.Query is { } query ? FirstOperationName().Match(query) : null;
        var operation = options.OperationName ?? (named is { Success: true } ? named.Groups[1].Value : "(unnamed)");
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Operation"] = operation,
            ["TraceId"] = Activity.Current?.TraceId.ToString(),
        });
        var started = time.GetTimestamp();
        var result = await next(options);
        var took = time.GetElapsedTime(started);
        if (took > settings.Value.SlowOperation)
        {
            logger.LogWarning("Slow GraphQL operation {Operation} ({Type}) took {DurationMs:0} ms",
                result.Operation?.Name?.StringValue ?? operation, result.Operation?.Operation.ToString() ?? "?", took.TotalMilliseconds);
        }

        return result;
    }

    // The document's first named operation, for a request that does not say which one it runs (most have one).
    [GeneratedRegex(@"^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex FirstOperationName();
}
