using Marten;
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
}
