using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Transfers;

namespace Muster.Api.Transfers;

/// <summary>Transfers by id: a partner sees those whose both depots it may see (<see cref="DepotVisibility"/>).</summary>
public sealed class TransferNodeSource : INodeSource
{
    public string TypeName => TransferType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var session = services.GetRequiredService<IQuerySession>();
        var transfers = await session.LoadManyAsync<Transfer>(ct, ids);
        var depotIds = transfers.SelectMany(t => new[] { t.FromDepotId, t.ToDepotId }).Distinct().ToList();
        var depots = (await session.LoadManyAsync<Depot>(ct, depotIds)).ToDictionary(d => d.Id);
        bool Visible(Guid depotId) => depots.TryGetValue(depotId, out var depot) && DepotVisibility.MaySee(viewer, depot);
        return transfers.Where(t => Visible(t.FromDepotId) && Visible(t.ToDepotId)).ToDictionary(t => t.Id, t => (object)t);
    }
}
