using GraphQL.Types;
using Muster.Incidents;
using Muster.Jurisdictions;

namespace Muster.Api.Jurisdictions;

/// <summary>An incident's jurisdiction, found from its location: whom to call (its responsible persons) comes with it.</summary>
public static class IncidentJurisdictionField
{
    public static void AddTo(ObjectGraphType<Incident> incident) =>
        incident.Field<JurisdictionType>("jurisdiction")
            .Description("The most specific jurisdiction of the supervision network at the incident's location, with the responsible persons to call; null outside the network (for a partner, outside its own).")
            .ResolveAsync(async context =>
            {
                var found = await context.RequestServices!.GetRequiredService<IJurisdictionDirectory>()
                    .AtAsync(context.Source.Location, context.CancellationToken);
                return await JurisdictionViewer.VisibleAsync(context, found?.Id);
            });
}
