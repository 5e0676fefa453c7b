using GraphQL;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Hazards;
using Muster.Infrastructure;
using Muster.Jurisdictions;

namespace Muster.Api.Hazards;

/// <summary>
/// The ledger's objects by id, through <see cref="HazardScope"/>: a township gets those of its own jurisdictions, any
/// other partner none. Node, the subscription and the fields that point at a site all load through here.
/// </summary>
public sealed class HazardNodeSource<T>(string typeName, Func<T, Guid> idOf, Func<T, Guid> jurisdictionOf) : INodeSource
    where T : notnull
{
    public string TypeName => typeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var documents = await services.GetRequiredService<IQuerySession>().LoadManyAsync<T>(ct, ids);
        var scope = await HazardNodes.ScopeAsync(viewer, services, ct);
        return documents.Where(d => scope.MaySee(jurisdictionOf(d))).ToDictionary(idOf, d => (object)d);
    }
}

public static class HazardNodes
{
    public static IServiceCollection AddHazardNodes(this IServiceCollection services) => services
        .AddSingleton<INodeSource>(new HazardNodeSource<HazardSite>(HazardSiteType.TypeName, s => s.Id, s => s.JurisdictionId))
        .AddSingleton<INodeSource>(new HazardNodeSource<Inspection>(InspectionType.TypeName, i => i.Id, i => i.JurisdictionId))
        .AddSingleton<INodeSource>(new HazardNodeSource<HiddenDanger>(HiddenDangerType.TypeName, d => d.Id, d => d.JurisdictionId));

    public static Task<HazardScope> ScopeAsync(Actor viewer, IServiceProvider services, CancellationToken ct) =>
        HazardScope.OfAsync(viewer, services.GetRequiredService<IJurisdictionDirectory>(), ct);

    public static Task<HazardScope> ScopeAsync(IResolveFieldContext context) =>
        ScopeAsync(Visibility.Viewer(context), context.RequestServices!, context.CancellationToken);

    /// <summary>A site a danger or inspection the caller sees belongs to: same jurisdiction, so no second filter.</summary>
    public static async Task<HazardSite?> SiteAsync(IResolveFieldContext context, Guid siteId) =>
        await context.RequestServices!.GetRequiredService<IQuerySession>().LoadAsync<HazardSite>(siteId, context.CancellationToken);
}
