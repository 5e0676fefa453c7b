using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Incidents;

namespace Muster.Api.Incidents;

/// <summary>Finding incidents by status, kind, level, area and time. Every role may read them.</summary>
public static class IncidentQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<IncidentType, EdgeType<IncidentType>>>>("incidents")
            .Description("Incidents, newest first.")
            .Argument<IncidentStatusType>("status")
            .Argument<IncidentKindType>("kind")
            .Argument<ResponseLevelType>("level")
            .Argument<AreaInputType>("area", "Only incidents inside this box of latitudes and longitudes.")
            .Argument<DateTimeScalar>("reportedAfter")
            .Argument<DateTimeScalar>("reportedBefore")
            .Paged()
            .ResolveAsync(async context => await Connections.ResolveAsync(context,
                Filtered(context).OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id)));

    private static IQueryable<Incident> Filtered(IResolveFieldContext context)
    {
        var incidents = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Incident>().AsQueryable();
        if (context.GetArgument<IncidentStatus?>("status") is { } status)
        {
            incidents = incidents.Where(i => i.Status == status);
        }

        if (context.GetArgument<IncidentKind?>("kind") is { } kind)
        {
            incidents = incidents.Where(i => i.Kind == kind);
        }

        if (context.GetArgument<ResponseLevel?>("level") is { } level)
        {
            incidents = incidents.Where(i => i.Level == level);
        }

        if (context.GetArgument<Area?>("area") is { } area)
        {
            if (area.South > area.North || area.West > area.East || area.South < -90 || area.North > 90 || area.West < -180 || area.East > 180)
            {
                throw new ExecutionError("area must have south ≤ north within -90..90 and west ≤ east within -180..180") { Code = "VALIDATION" };
            }

            incidents = incidents.Where(i => i.Location.Lat >= area.South && i.Location.Lat <= area.North
                && i.Location.Lon >= area.West && i.Location.Lon <= area.East);
        }

        if (context.GetArgument<DateTimeOffset?>("reportedAfter") is { } after)
        {
            incidents = incidents.Where(i => i.ReportedAt >= after);
        }

        if (context.GetArgument<DateTimeOffset?>("reportedBefore") is { } before)
        {
            incidents = incidents.Where(i => i.ReportedAt < before);
        }

        return incidents;
    }
}

public sealed class Area
{
    public double South { get; set; }
    public double West { get; set; }
    public double North { get; set; }
    public double East { get; set; }
}

public sealed class AreaInputType : InputObjectGraphType<Area>
{
    public AreaInputType()
    {
        Name = "AreaInput";
        Description = "A box of latitudes (south..north) and longitudes (west..east) in WGS84 degrees.";
        Field(a => a.South);
        Field(a => a.West);
        Field(a => a.North);
        Field(a => a.East);
    }
}
