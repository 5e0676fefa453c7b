using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Supplies.Levels;

namespace Muster.Api.Supplies;

/// <summary>Stock levels by stock-line id, through depot visibility: a partner gets the shared pool's and its own agency's.</summary>
public sealed class StockLevelNodeSource : INodeSource
{
    public string TypeName => StockLevelType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var levels = await services.GetRequiredService<StockLevels>().VisibleByIdsAsync(ids, viewer, ct);
        return levels.ToDictionary(l => l.Key, l => (object)l.Value);
    }
}
