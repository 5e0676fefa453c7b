using Muster.Infrastructure;

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

public sealed class ChangeIncidentLevelHandler(IncidentStreams streams)
{
    public Task<Result<Incident>> Handle(ChangeIncidentLevel command, CancellationToken ct) =>
        streams.ChangeAsync(command.IncidentId, incident => ChangeIncidentLevelDecision.Decide(incident, command), ct);
}
