using Marten;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Relay;

/// <summary>Documents that belong to an agency, by id: a partner sees only its own agency's.</summary>
public abstract class AgencyOwnedNodeSource<T>(string typeName, Func<T, Guid> idOf, Func<T, Guid> agencyOf) : INodeSource
    where T : notnull
{
    public string TypeName => typeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var documents = await services.GetRequiredService<IQuerySession>().LoadManyAsync<T>(ct, ids);
        return documents.Where(d => Visibility.MaySee(viewer, agencyOf(d))).ToDictionary(idOf, d => (object)d);
    }
}
