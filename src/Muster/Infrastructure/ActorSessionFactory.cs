using Marten;
using Muster.Infrastructure.Reading;

namespace Muster.Infrastructure;

/// <summary>
/// Opens lightweight sessions stamped with the acting user, so every appended event says who did it; query sessions
/// where the request's <see cref="ReadRoute"/> says (a standby for a lag-tolerant request, else the primary).
/// </summary>
public sealed class ActorSessionFactory(IDocumentStore store, IActorAccessor actors, ReadRoute reads) : ISessionFactory
{
    public IQuerySession QuerySession() => reads.OpenQuerySession(store);

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        ActorMetadata.Stamp(session, actors.Current ?? Actor.System);
        return session;
    }
}
