using JasperFx;
using Marten;

namespace Muster.Infrastructure;

/// <summary>
/// The write path of a change to one aggregate: fetch it for writing, decide with the acting user, append, commit;
/// a concurrent change answers <c>conflict</c>. The answer is evolved from the fetched state, not reloaded: the
/// session may hand back the aggregate it fetched for writing.
/// </summary>
public sealed class AggregateWriter(IDocumentSession session, IActorAccessor actors)
{
    public async Task<Result<TAggregate>> ChangeAsync<TAggregate, TEvent>(
        Guid id, Func<TAggregate?, Actor, Result<TEvent>> decide, Func<TAggregate, TEvent, TAggregate> evolve, DomainError conflict, CancellationToken ct)
        where TAggregate : class
        where TEvent : notnull
    {
        var stream = await session.Events.FetchForWriting<TAggregate>(id, ct);
        var decision = decide(stream.Aggregate, actors.Current ?? Actor.System);
        if (!decision.Succeeded)
        {
            return Result<TAggregate>.Fail(decision.Errors);
        }

        stream.AppendOne(decision.Value!);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return conflict;
        }

        return evolve(stream.Aggregate!, decision.Value!);
    }
}
