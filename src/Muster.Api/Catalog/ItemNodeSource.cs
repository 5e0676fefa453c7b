using Marten;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Catalog;
using Muster.Infrastructure;

namespace Muster.Api.Catalog;

/// <summary>Items by id, in one query. The catalog is open to every authenticated caller.</summary>
public sealed class ItemNodeSource : INodeSource
{
    public string TypeName => ItemType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var items = await services.GetRequiredService<IQuerySession>().LoadManyAsync<Item>(ct, ids);
        return items.ToDictionary(i => i.Id, i => (object)i);
    }

    /// <summary>The request's batch loader for items by code.</summary>
    public static BatchLoader<string, Item> ByCode(IServiceProvider services)
    {
        var session = services.GetRequiredService<IQuerySession>();
        return services.GetRequiredService<RequestLoaders>().Get<string, Item>("item-by-code", async (codes, ct) =>
            (await session.LoadManyAsync<Item>(ct, codes.Select(ItemCode.StreamId))).ToDictionary(i => i.Code));
    }
}
