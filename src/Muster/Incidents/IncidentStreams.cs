using Muster.Infrastructure;

namespace Muster.Incidents;

/// <summary>The write path of a change to one incident (<see cref="AggregateWriter"/>).</summary>
public sealed class IncidentStreams(AggregateWriter writer, TimeProvider time)
{
    private static readonly DomainError Conflict = DomainError.Conflict("the incident changed meanwhile; read it again and retry", "incidentId");

    public Task<Result<Incident>> ChangeAsync<TEvent>(Guid incidentId, Func<Incident?, Result<TEvent>> decide, CancellationToken ct)
        where TEvent : notnull =>
        writer.ChangeAsync<Incident, TEvent>(incidentId, (incident, _) => decide(incident), (incident, e) => IncidentEvolution.Evolve(incident, e, time.GetUtcNow()), Conflict, ct);
}
