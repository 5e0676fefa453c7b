using GraphQL;
using GraphQL.Execution;

namespace Muster.Api.GraphQL.Subscriptions;

/// <summary>
/// Resolves each event of a subscription in a DI scope of its own. GraphQL.NET resolves events
/// concurrently, and the operation's scope lives as long as the subscription: sharing it would share
/// one database session between events and keep batch-loaded rows cached, stale, for hours.
/// </summary>
public sealed class EventScopedSubscriptionStrategy : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        await using var scope = context.RequestServices!.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        return await base.ProcessDataAsync(context, node, value);
    }
}
