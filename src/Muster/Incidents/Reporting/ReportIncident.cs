using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
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

public sealed class ReportIncidentHandler(EventWriter writer)
{
    public Task<Result<Incident>> Handle(ReportIncident command, CancellationToken ct) =>
        writer.StartAsync<Incident, IncidentReported>(
            (_, actor, _) => Task.FromResult(ReportIncidentDecision.Decide(command, Guid.CreateVersion7(), actor)),
            reported => reported.IncidentId, null, ct);
}
