using Marten;

namespace Muster.Infrastructure;

/// <summary>Opens lightweight sessions stamped with the acting user, so every appended event says who did it.</summary>
public sealed class ActorSessionFactory(IDocumentStore store, IActorAccessor actors) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        ActorMetadata.Stamp(session, actors.Current ?? Actor.System);
        return session;
    }
}
