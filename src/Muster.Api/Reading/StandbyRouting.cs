using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Muster.Infrastructure.Reading;

namespace Muster.Api.Reading;

/// <summary>
/// Sends a GraphQL query operation's reads to the standby (lists, maps, coverage, exports tolerate a fraction of a
/// second of lag); mutations and subscriptions read on the primary. A query that failed on the standby (stopped,
/// restarting) runs again at once on the primary, in a fresh scope: the caller never sees the standby go.
/// </summary>
public sealed class StandbyRouting(StandbyReads standby, IServiceScopeFactory scopes, ILogger<StandbyRouting> logger) : IConfigureExecution
{
    private static readonly IDocumentExecutionListener Listener = new QueriesTolerateLag();

    /// <summary>Outside the validated-document cache (200), so a retry reuses the parsed document.</summary>
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (!standby.IsConfigured || options.RequestServices is not { } services)
        {
            return await next(options);
        }

        options.Listeners.Add(Listener);
        var result = await next(options);
        // Any unhandled failure, not only the ones DatabaseUnavailable names: a connection cut by the standby's shutdown
        // can surface as a broken or closed connection under Marten. A query only reads, so asking the primary is safe.
        if (!services.GetRequiredService<ReadRoute>().ToStandby || result.Errors?.FirstOrDefault(e => e.InnerException is not null) is not { } failed)
        {
            return result;
        }

        logger.LogWarning("A query failed on the standby ({Reason}); answering it from the primary", failed.InnerException!.GetBaseException().Message);
        standby.Forget();
        await using var primary = scopes.CreateAsyncScope();
        primary.ServiceProvider.GetRequiredService<ReadRoute>().PinToPrimary();
        options.RequestServices = primary.ServiceProvider;
        try
        {
            return await next(options);
        }
        finally
        {
            options.RequestServices = services;
        }
    }

    /// <summary>Decides once the operation is known and before any resolver runs.</summary>
    private sealed class QueriesTolerateLag : DocumentExecutionListenerBase
    {
        public override Task BeforeExecutionAsync(IExecutionContext context)
        {
            if (context.Operation.Operation == OperationType.Query)
            {
                context.RequestServices?.GetRequiredService<ReadRoute>().TolerateLag();
            }

            return Task.CompletedTask;
        }
    }
}
