using JasperFx;
using Marten;
using Muster.Infrastructure;

namespace Muster.Incidents;

/// <summary>The write path of a change to one incident: fetch for writing, decide, append, commit.</summary>
public sealed class IncidentStreams(IDocumentSession session, TimeProvider time)
{
    public async Task<Result<Incident>> ChangeAsync<TEvent>(Guid incidentId, Func<Incident?, Result<TEvent>> decide, CancellationToken ct)
        where TEvent : notnull
    {
        var stream = await session.Events.FetchForWriting<Incident>(incidentId, ct);
        var decision = decide(stream.Aggregate);
        if (!decision.Succeeded)
        {
            return Result<Incident>.Fail(decision.Errors);
        }

        stream.AppendOne(decision.Value!);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return DomainError.Conflict("the incident changed meanwhile; read it again and retry", "incidentId");
        }

        // Not reloaded: the session may hand back the aggregate it fetched for writing.
        return IncidentEvolution.Evolve(stream.Aggregate!, decision.Value!, time.GetUtcNow());
    }
}
