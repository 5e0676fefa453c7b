using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.ApiKeys;

/// <summary>Keeps the <see cref="ApiKey"/> document in step with its stream (inline: a revoked key stops at once).</summary>
public partial class ApiKeyProjection : SingleStreamProjection<ApiKey, Guid>
{
    public static ApiKey Create(IEvent<ApiKeyIssued> issued) => ApiKeyEvolution.Create(issued.Data, issued.Timestamp);

    public static ApiKey Apply(IEvent<ApiKeyRevoked> revoked, ApiKey key) => ApiKeyEvolution.Evolve(key, revoked.Data, revoked.Timestamp);
}
