using Marten;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Incidents.Reporting;

public sealed record ReportIncident(IncidentKind Kind, ResponseLevel Level, GeoPoint Location, string Title, string? Description);

public static class ReportIncidentDecision
{
    public static Result<IncidentReported> Decide(ReportIncident command, Guid newId, Actor actor)
    {
        if (GeoPoint.Check(command.Location.Lat, command.Location.Lon, "location") is { } invalid)
        {
            return invalid;
        }

        var title = IncidentRules.Text(command.Title, "title", IncidentRules.MaxTitleLength, required: true);
        var description = IncidentRules.Text(command.Description, "description", IncidentRules.MaxTextLength, required: false);
        if (!title.Succeeded || !description.Succeeded)
        {
            return Result<IncidentReported>.Fail([.. title.Errors, .. description.Errors]);
        }

        return new IncidentReported(newId, command.Kind, command.Level, title.Value!, description.Value, command.Location, actor.Subject);
    }
}

public sealed class ReportIncidentHandler(IDocumentSession session, IActorAccessor actors)
{
    public async Task<Result<Incident>> Handle(ReportIncident command, CancellationToken ct)
    {
        var decision = ReportIncidentDecision.Decide(command, Guid.CreateVersion7(), actors.Current ?? Actor.System);
        if (!decision.Succeeded)
        {
            return Result<Incident>.Fail(decision.Errors);
        }

        session.Events.StartStream<Incident>(decision.Value!.IncidentId, decision.Value);
        await session.SaveChangesAsync(ct);
        return (await session.LoadAsync<Incident>(decision.Value.IncidentId, ct))!;
    }
}
