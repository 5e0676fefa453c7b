using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Spatial;
using Muster.Infrastructure;
using Muster.Units;
using Muster.Units.History;
using Muster.Units.Locating;

namespace Muster.Api.Units;

/// <summary>The register of units: lists with filters, tags in use, GeoJSON for maps, and history.</summary>
public static class UnitListQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<RescueUnitType, EdgeType<RescueUnitType>>>>("units")
            .Description("Units by name, filtered; a partner sees its own agency's.")
            .Argument<IdGraphType>("agencyId").Argument<UnitStatusType>("status").Argument<StringGraphType>("capability").Argument<UnitKindType>("kind")
            .Paged()
            .ResolveAsync(async context =>
                await Connections.ResolveAsync(context, Filtered(context).OrderBy(u => u.Name).ThenBy(u => u.Id)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagCountType>>>>("unitCapabilities")
            .Description("The capability tags in use, with how many units carry each.")
            .ResolveAsync(async context => (await context.RequestServices!.GetRequiredService<UnitFinder>()
                .CapabilitiesAsync(UnitVisibility.AgencyScope(Visibility.Viewer(context)), null, context.CancellationToken))
                .Select(t => new TagCount(t.Tag, t.Count)).ToList());

        query.Field<NonNullGraphType<StringGraphType>>("unitsGeoJson")
            .Description("Units as a GeoJSON FeatureCollection (points at their last accepted position) for GIS tools; same filters as units, at most 5000.")
            .Argument<IdGraphType>("agencyId").Argument<UnitStatusType>("status").Argument<StringGraphType>("capability").Argument<UnitKindType>("kind")
            .ResolveAsync(async context =>
            {
                var units = await Filtered(context).OrderBy(u => u.Name).Take(5000).ToListAsync(context.CancellationToken);
                return GeoJson.FeatureCollection(units.Select(u => GeoJson.Feature(GlobalId.Encode(RescueUnitType.TypeName, u.Id), u.Location, new JsonObject
                {
                    ["name"] = u.Name,
                    ["kind"] = ApiName.Of(u.Kind),
                    ["status"] = ApiName.Of(u.Status),
                    ["capabilities"] = new JsonArray([.. u.Capabilities.Select(c => JsonValue.Create(c))]),
                    ["positionAt"] = u.PositionAt?.ToString("O"),
                })));
            });

        query.Field<RescueUnitType>("unitAsOf")
            .Description("A unit's status and position as they stood at a past moment, from its events; null before it was registered.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<DateTimeScalar>>("at")
            .ResolveAsync(async context =>
            {
                if (UnitId(context) is not { } id)
                {
                    return null;
                }

                var unit = await History(context).AsOfAsync(id, context.GetArgument<DateTimeOffset>("at"), context.CancellationToken);
                return unit is not null && UnitVisibility.MaySee(Visibility.Viewer(context), unit) ? unit : null;
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrackPointType>>>>("unitTrack")
            .Description("Every position reported for a unit between two device times, in order — older, out-of-order reports included.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<DateTimeScalar>>("from").Argument<NonNullGraphType<DateTimeScalar>>("to")
            .ResolveAsync(async context =>
            {
                if (UnitId(context) is not { } id)
                {
                    return Array.Empty<TrackPoint>();
                }

                var unit = await context.RequestServices!.GetRequiredService<IQuerySession>().LoadAsync<RescueUnit>(id, context.CancellationToken);
                if (unit is null || !UnitVisibility.MaySee(Visibility.Viewer(context), unit))
                {
                    return Array.Empty<TrackPoint>();
                }

                return await History(context).TrackAsync(id, context.GetArgument<DateTimeOffset>("from"), context.GetArgument<DateTimeOffset>("to"), context.CancellationToken);
            });
    }

    private static IQueryable<RescueUnit> Filtered(IResolveFieldContext context)
    {
        var scope = UnitSpatialQueries.Scope(context);
        var units = context.RequestServices!.GetRequiredService<IQuerySession>().Query<RescueUnit>().VisibleTo(Visibility.Viewer(context)).OfRequestedAgency(context, u => u.AgencyId);
        if (scope.Status is { } status)
        {
            units = units.Where(u => u.Status == status);
        }

        if (scope.Capability is { } capability)
        {
            units = units.Where(u => u.Capabilities.Contains(capability));
        }

        if (context.GetArgument<UnitKind?>("kind") is { } kind)
        {
            units = units.Where(u => u.Kind == kind);
        }

        return units;
    }

    private static Guid? UnitId(IResolveFieldContext context) =>
        GlobalId.Of(RescueUnitType.TypeName, context.GetArgument<string>("id"));

    private static UnitHistory History(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<UnitHistory>();
}

public sealed class TrackPointType : ObjectGraphType<TrackPoint>
{
    public TrackPointType()
    {
        Name = "TrackPoint";
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("The device's time.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<DateTimeScalar>>("recordedAt").Description("When the service recorded it.").Resolve(c => c.Source.RecordedAt);
    }
}
