using Marten;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Relay;

/// <summary>Marten documents of one node type by id, in one query, keeping those the viewer may see.</summary>
public class DocumentNodeSource<T>(string typeName, Func<T, Guid> idOf, Func<Actor, T, bool> maySee) : INodeSource
    where T : notnull
{
    /// <summary>Documents every authenticated caller may see (type-level roles still apply).</summary>
    public DocumentNodeSource(string typeName, Func<T, Guid> idOf)
        : this(typeName, idOf, (_, _) => true)
    {
    }

    public string TypeName => typeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var documents = await services.GetRequiredService<IQuerySession>().LoadManyAsync<T>(ct, ids);
        return documents.Where(d => maySee(viewer, d)).ToDictionary(idOf, d => (object)d);
    }
}
