using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using Muster.Api.GraphQL.Transport;

namespace Muster.Api.GraphQL.Limits;

/// <summary>
/// Ends an operation that runs longer than <see cref="GraphQLHttpOptions.Timeout"/> with a <c>TIMEOUT</c> error, as
/// GraphQL.NET's own timeout does, but timed by the service's <see cref="TimeProvider"/> so that a test can move the
/// clock past the limit. A subscription is timed while it is set up; its stream of events is not an operation that runs.
/// </summary>
public sealed class OperationTimeout(IOptions<GraphQLHttpOptions> limits, TimeProvider time) : IConfigureExecution
{
    /// <summary>Innermost: the limit covers what GraphQL.NET executes (parsing, validation, resolvers), as its own did.</summary>
    public float SortOrder => 1000;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var caller = options.CancellationToken;
        using var timeout = new CancellationTokenSource(limits.Value.Timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(caller, timeout.Token);
        options.CancellationToken = either.Token;
        try
        {
            return await next(options);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            return new ExecutionResult(new TimeoutError());
        }
        finally
        {
            options.CancellationToken = caller;
        }
    }
}
