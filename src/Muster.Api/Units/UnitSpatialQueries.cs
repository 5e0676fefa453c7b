using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Spatial;
using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.Locating;

namespace Muster.Api.Units;

/// <summary>Where units are: the soonest to arrive at a point, those within a radius or an area.</summary>
public static class UnitSpatialQueries
{
    public const double MaxRadiusMeters = 300_000;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitDistanceType>>>>("nearestUnits")
            .Description($"The units that can reach a point soonest, by ETA then distance; fresh positions before stale ones. first: 1..{UnitFinder.MaxNearest}.")
            .Argument<NonNullGraphType<GeoPointInputType>>("near")
            .Argument<StringGraphType>("capability", "Only units with this tag, e.g. mine-rescue.")
            .Argument<UnitStatusType>("status", "Default AVAILABLE.", a => a.DefaultValue = UnitStatus.Available)
            .Argument<IntGraphType>("first", a => a.DefaultValue = 5)
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int>("first");
                if (first is < 1 or > UnitFinder.MaxNearest)
                {
                    throw Invalid($"first must be between 1 and {UnitFinder.MaxNearest}, got {first}");
                }

                return await Finder(context).NearestAsync(context.GetArgument<GeoPoint>("near"), Scope(context), first, UnitSelection.Of(context), context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitDistanceType>>>>("unitsWithin")
            .Description($"Units within a radius of a point, nearest first (at most {UnitFinder.MaxWithin}).")
            .Argument<NonNullGraphType<GeoPointInputType>>("center")
            .Argument<NonNullGraphType<FloatGraphType>>("radiusMeters")
            .Argument<StringGraphType>("capability")
            .Argument<UnitStatusType>("status")
            .ResolveAsync(async context =>
            {
                var radius = context.GetArgument<double>("radiusMeters");
                if (!double.IsFinite(radius) || radius is <= 0 or > MaxRadiusMeters)
                {
                    throw Invalid($"radiusMeters must be above 0 and at most {MaxRadiusMeters}");
                }

                return await Finder(context).WithinAsync(context.GetArgument<GeoPoint>("center"), radius, Scope(context), context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitDistanceType>>>>("unitsInArea")
            .Description($"Units inside an area given as a GeoJSON Polygon geometry ([longitude, latitude] positions), nearest to its centre first (at most {UnitFinder.MaxWithin}).")
            .Argument<NonNullGraphType<StringGraphType>>("area")
            .Argument<StringGraphType>("capability")
            .Argument<UnitStatusType>("status")
            .ResolveAsync(async context =>
            {
                var area = GeoJson.ParsePolygon(context.GetArgument<string>("area"), "area");
                return await Finder(context).InAreaAsync(area, Scope(context), context.CancellationToken);
            });
    }

    /// <summary>The filters of the query, narrowed to what the caller may see.</summary>
    public static UnitScope Scope(IResolveFieldContext context)
    {
        var capability = context.GetArgument<string?>("capability")?.Trim().ToLowerInvariant();
        if (capability is not null && !Tags.IsTag(capability))
        {
            throw Invalid($"'{capability}' is not a capability tag");
        }

        return new UnitScope(UnitVisibility.AgencyScope(Visibility.Viewer(context)), context.GetArgument<UnitStatus?>("status"), capability);
    }

    private static UnitFinder Finder(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<UnitFinder>();

    private static ExecutionError Invalid(string message) => new(message) { Code = "VALIDATION" };
}
