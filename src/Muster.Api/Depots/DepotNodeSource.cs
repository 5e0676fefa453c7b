using Marten;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Depots;

namespace Muster.Api.Depots;

/// <summary>Depots by id, through <see cref="DepotVisibility"/>: a partner gets the shared pool and its own agency's.</summary>
public sealed class DepotNodeSource() : DocumentNodeSource<Depot>(DepotType.TypeName, d => d.Id, DepotVisibility.MaySee)
{
    /// <summary>
    /// The request's batch loader for depots, for fields that point at one from something the caller may already
    /// see (a stock level, an allocation): it does not filter again.
    /// </summary>
    public static BatchLoader<Guid, Depot> Loader(IServiceProvider services) => DocumentLoader.For<Depot>(services, d => d.Id);
}
