using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.Audit;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Audit;
using Muster.Incidents;
using Muster.Infrastructure;

namespace Muster.Api.Incidents;

/// <summary>An incident's timeline and the incident as it was at a past instant. Admin and commanders.</summary>
public static class IncidentHistoryQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<AuditEntryType, EdgeType<AuditEntryType>>>>("incidentTimeline")
            .Description("The incident's events and, since it was reported, those of the units, experts and supply requests sent to it, in order of recording, with who did each.")
            .Argument<NonNullGraphType<IdGraphType>>("incidentId")
            .Paged()
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var session = context.RequestServices!.GetRequiredService<IQuerySession>();
                var incident = await LoadAsync(context, session);
                var scope = new AuditScope(
                    [incident.Id, .. incident.AssignedUnitIds, .. incident.EngagedExpertIds, .. incident.SupplyRequestIds], incident.ReportedAt);
                var trail = new AuditTrail(session);
                return await Connections.ResolveAsync(context, ct => trail.CountAsync(scope, ct), (offset, limit, ct) => trail.PageAsync(scope, offset, limit, ct));
            });

        query.Field<IncidentType>("incidentAsOf")
            .Description("The incident as it was at an instant, computed from its events (time travel); null before it was reported.")
            .Argument<NonNullGraphType<IdGraphType>>("incidentId")
            .Argument<NonNullGraphType<DateTimeScalar>>("at")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var session = context.RequestServices!.GetRequiredService<IQuerySession>();
                var incident = await LoadAsync(context, session);
                return await session.Events.AggregateStreamAsync<Incident>(incident.Id, timestamp: context.GetArgument<DateTimeOffset>("at"), token: context.CancellationToken);
            });
    }

    private static async Task<Incident> LoadAsync(IResolveFieldContext context, IQuerySession session) =>
        GlobalId.Of(IncidentType.TypeName, context.GetArgument<string>("incidentId")) is { } id
        && await session.LoadAsync<Incident>(id, context.CancellationToken) is { } incident
            ? incident
            : throw new ExecutionError("no such incident") { Code = "NOT_FOUND" };
}
