using Marten;
using Muster.Agencies;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;

namespace Muster.Api.Agencies;

/// <summary>Agencies by id, batched. Every authenticated caller may see the register of agencies.</summary>
public sealed class AgencyNodeSource : INodeSource
{
    public string TypeName => GlobalId.Agency;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var found = await LoadAgenciesAsync(services.GetRequiredService<IQuerySession>(), ids, ct);
        return found.ToDictionary(pair => pair.Key, pair => (object)pair.Value);
    }

    public static async Task<IReadOnlyDictionary<Guid, Agency>> LoadAgenciesAsync(
        IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var agencies = await session.LoadManyAsync<Agency>(ct, ids);
        return agencies.ToDictionary(a => a.Id);
    }

    /// <summary>The request's batch loader for agencies, for fields that point at one.</summary>
    public static BatchLoader<Guid, Agency> Loader(IServiceProvider services)
    {
        var session = services.GetRequiredService<IQuerySession>();
        return services.GetRequiredService<RequestLoaders>()
            .Get<Guid, Agency>("agency", (ids, ct) => LoadAgenciesAsync(session, ids, ct));
    }
}
