using Marten;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Depots;
using Muster.Infrastructure;

namespace Muster.Api.Depots;

/// <summary>Depots by id, through <see cref="DepotVisibility"/>: a partner gets the shared pool and its own agency's.</summary>
public sealed class DepotNodeSource : INodeSource
{
    public string TypeName => DepotType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var depots = await services.GetRequiredService<IQuerySession>().LoadManyAsync<Depot>(ct, ids);
        return depots.Where(d => DepotVisibility.MaySee(viewer, d)).ToDictionary(d => d.Id, d => (object)d);
    }

    /// <summary>
    /// The request's batch loader for depots, for fields that point at one from something the caller may already
    /// see (a stock level, an allocation): it does not filter again.
    /// </summary>
    public static BatchLoader<Guid, Depot> Loader(IServiceProvider services) => DocumentLoader.For<Depot>(services, d => d.Id);
}
