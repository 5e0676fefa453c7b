using Marten;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Jurisdictions;

namespace Muster.Api.Jurisdictions;

/// <summary>Jurisdictions by id, through <see cref="JurisdictionVisibility"/>: a partner gets those its agency maintains.</summary>
public sealed class JurisdictionNodeSource : INodeSource
{
    public string TypeName => JurisdictionType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var maintained = await services.GetRequiredService<JurisdictionViewer>().MaintainedAsync(viewer, ct);
        var found = await services.GetRequiredService<IQuerySession>().LoadManyAsync<Jurisdiction>(ct, ids);
        return found.Where(j => JurisdictionVisibility.MaySee(viewer, j.Id, maintained)).ToDictionary(j => j.Id, j => (object)j);
    }

    /// <summary>The request's batch loader, for fields that point at a jurisdiction already checked as visible.</summary>
    public static BatchLoader<Guid, Jurisdiction> Loader(IServiceProvider services) => DocumentLoader.For<Jurisdiction>(services, j => j.Id);
}
