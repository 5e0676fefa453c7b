using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Spatial;

namespace Muster.Api.Jurisdictions;

/// <summary>The supervision network and where a point belongs, both through <see cref="JurisdictionVisibility"/>.</summary>
public static class JurisdictionQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<JurisdictionType, EdgeType<JurisdictionType>>>>("jurisdictions")
            .Description("The supervision network by level and name; a partner sees the jurisdictions its agency maintains and those below them.")
            .Argument<JurisdictionLevelType>("level", "Only this level.")
            .Argument<IdGraphType>("parentId", "Only the jurisdictions directly under this one.")
            .Argument<StringGraphType>("name", "Only those whose name contains this text.")
            .Paged()
            .ResolveAsync(async context => await Connections.ResolveAsync(context, await FilteredAsync(context)));

        query.Field<JurisdictionType>("jurisdictionAt")
            .Description("The most specific jurisdiction containing a point (a village before its township before the county), or null outside the network (or, for a partner, outside its own).")
            .Argument<NonNullGraphType<GeoPointInputType>>("point")
            .ResolveAsync(async context =>
            {
                var found = await context.RequestServices!.GetRequiredService<IJurisdictionDirectory>()
                    .AtAsync(context.GetArgument<GeoPoint>("point"), context.CancellationToken);
                return await JurisdictionViewer.VisibleAsync(context, found?.Id);
            });
    }

    private static async Task<IQueryable<Jurisdiction>> FilteredAsync(IResolveFieldContext context)
    {
        var viewer = Visibility.Viewer(context);
        var jurisdictions = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Jurisdiction>().AsQueryable();
        if (viewer.Role == Role.Partner)
        {
            var maintained = (await JurisdictionViewer.Of(context).MaintainedAsync(viewer, context.CancellationToken)).ToArray();
            jurisdictions = jurisdictions.Where(j => maintained.Contains(j.Id));
        }

        if (context.GetArgument<JurisdictionLevel?>("level") is { } level)
        {
            jurisdictions = jurisdictions.Where(j => j.Level == level);
        }

        if (context.GetArgument<string?>("parentId") is { } parentId)
        {
            // An id that is not a jurisdiction's matches nothing.
            var parent = GlobalId.Of(JurisdictionType.TypeName, parentId) ?? Guid.Empty;
            jurisdictions = jurisdictions.Where(j => j.ParentId == parent);
        }

        if (context.GetArgument<string?>("name") is { Length: > 0 } name)
        {
            jurisdictions = jurisdictions.Where(j => j.Name.Contains(name));
        }

        return jurisdictions.OrderBy(j => j.Level).ThenBy(j => j.Name).ThenBy(j => j.Id);
    }
}
