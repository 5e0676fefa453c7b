using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Incidents.Grading;

/// <summary>Escalate (towards I) or de-escalate (towards IV) an open incident, saying why.</summary>
public sealed record ChangeIncidentLevel(Guid IncidentId, ResponseLevel Level, string Reason);

public static class ChangeIncidentLevelDecision
{
    public static Result<IncidentLevelChanged> Decide(Incident? incident, ChangeIncidentLevel command)
    {
        if (IncidentRules.MayChange(incident) is { } refused)
        {
            return refused;
        }

        var reason = IncidentRules.Text(command.Reason, "reason", IncidentRules.MaxTextLength, required: true);
        if (!reason.Succeeded)
        {
            return Result<IncidentLevelChanged>.Fail(reason.Errors);
        }

        return incident!.Level == command.Level
            ? DomainError.InvalidState($"the incident is already at level {command.Level}", "level")
            : new IncidentLevelChanged(incident.Id, incident.Level, command.Level, reason.Value!);
    }
}

public sealed class ChangeIncidentLevelHandler(EventWriter writer)
{
    public Task<Result<Incident>> Handle(ChangeIncidentLevel command, CancellationToken ct) =>
        writer.ChangeAsync<Incident, IncidentLevelChanged>(command.IncidentId,
            (incident, _) => ChangeIncidentLevelDecision.Decide(incident, command), IncidentRules.Conflict, ct);
}
