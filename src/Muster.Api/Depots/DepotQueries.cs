using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Depots;
using Muster.Depots.Locating;
using Muster.Spatial;

namespace Muster.Api.Depots;

/// <summary>The register of depots and the nearest ones to a point, both through <see cref="DepotVisibility"/>.</summary>
public static class DepotQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<DepotType, EdgeType<DepotType>>>>("depots")
            .Description("Depots by name; a partner sees the shared pool and its own agency's depots.")
            .Argument<IdGraphType>("agencyId", "Only this agency's depots.")
            .Argument<BooleanGraphType>("shared", "Only depots in (true) or out of (false) the shared pool.")
            .Argument<BooleanGraphType>("includeClosed", "Closed depots too; default false.", a => a.DefaultValue = false)
            .Paged()
            .ResolveAsync(async context =>
                await Connections.ResolveAsync(context, Filtered(context).OrderBy(d => d.Name).ThenBy(d => d.Id)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepotDistanceType>>>>("depotsNear")
            .Description($"The open depots nearest to a point, nearest first; a partner gets the shared pool and its own agency's. first: 1..{DepotFinder.MaxNearest}.")
            .Argument<NonNullGraphType<GeoPointInputType>>("near")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int>("first");
                if (first is < 1 or > DepotFinder.MaxNearest)
                {
                    throw new ExecutionError($"first must be between 1 and {DepotFinder.MaxNearest}, got {first}") { Code = "VALIDATION" };
                }

                return await context.RequestServices!.GetRequiredService<DepotFinder>()
                    .NearestAsync(context.GetArgument<GeoPoint>("near"), Visibility.Viewer(context), first, context.CancellationToken);
            });
    }

    private static IQueryable<Depot> Filtered(IResolveFieldContext context)
    {
        var depots = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Depot>()
            .VisibleTo(Visibility.Viewer(context));
        if (context.GetArgument<string?>("agencyId") is { } agencyId)
        {
            // An id that is not an agency's matches nothing.
            var agency = GlobalId.Of(GlobalId.Agency, agencyId) ?? Guid.Empty;
            depots = depots.Where(d => d.AgencyId == agency);
        }

        if (context.GetArgument<bool?>("shared") is { } shared)
        {
            depots = depots.Where(d => d.Shared == shared);
        }

        if (!context.GetArgument<bool>("includeClosed"))
        {
            depots = depots.Where(d => !d.Closed);
        }

        return depots;
    }
}
