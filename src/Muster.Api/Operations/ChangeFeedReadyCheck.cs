using Microsoft.Extensions.Diagnostics.HealthChecks;
using Muster.Infrastructure.Changes;

namespace Muster.Api.Operations;

/// <summary>Live updates flow only while the change feed listens; degraded (not down) while it reconnects.</summary>
public sealed class ChangeFeedReadyCheck(ChangeFeed feed) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(feed.IsListening
            ? HealthCheckResult.Healthy($"listening; {feed.SubscriberCount} live subscriptions")
            : HealthCheckResult.Degraded("reconnecting; live updates may be missed meanwhile"));
}
