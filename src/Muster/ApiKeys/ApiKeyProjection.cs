using Muster.Infrastructure.Writing;

namespace Muster.ApiKeys;

/// <summary>Keeps the <see cref="ApiKey"/> document in step with its stream (inline: a revoked key stops at once).</summary>
public partial class ApiKeyProjection : AggregateProjection<ApiKey>;
