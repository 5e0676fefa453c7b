using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Subscriptions;
using Muster.Incidents;

namespace Muster.Api.Incidents;

public static class IncidentChangedSubscription
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<IncidentType>>("incidentChanged")
            .Description("Each incident as it is after a committed change (reported, graded, proposed for, dispatched to, closed), on any instance: the incident's room.")
            .Argument<IdGraphType>("id", "Only this incident.")
            .Argument<IncidentStatusType>("status", "Only incidents now in this status.")
            .ResolveStream(context =>
            {
                var id = context.GetArgument<string?>("id") is { } given ? GlobalId.Of(IncidentType.TypeName, given) ?? Guid.Empty : (Guid?)null;
                var status = context.GetArgument<IncidentStatus?>("status");
                return ChangeSubscription.Of<Incident>(context, IncidentType.TypeName, incident =>
                    (id is null || incident.Id == id) && (status is null || incident.Status == status));
            });
}
