using Marten;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Catalog;

namespace Muster.Api.Catalog;

/// <summary>Items by id, in one query. The catalog is open to every authenticated caller.</summary>
public sealed class ItemNodeSource() : DocumentNodeSource<Item>(ItemType.TypeName, i => i.Id)
{
    /// <summary>The request's batch loader for items by code.</summary>
    public static BatchLoader<string, Item> ByCode(IServiceProvider services)
    {
        var session = services.GetRequiredService<IQuerySession>();
        return services.GetRequiredService<RequestLoaders>().Get<string, Item>("item-by-code", async (codes, ct) =>
            (await session.LoadManyAsync<Item>(ct, codes.Select(ItemCode.StreamId))).ToDictionary(i => i.Code));
    }
}
