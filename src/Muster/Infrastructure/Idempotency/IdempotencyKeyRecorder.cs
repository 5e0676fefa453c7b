using Marten;

namespace Muster.Infrastructure.Idempotency;

/// <summary>
/// Records the current request's idempotency key in the transaction of every save it makes that writes anything:
/// if the events commit, so does the key; if they roll back, the key was never used.
/// </summary>
public sealed class IdempotencyKeyRecorder(TimeProvider time) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (IdempotentRequest.Current is not { } request || !Writes(session))
        {
            return Task.CompletedTask;
        }

        Record(session, request, time);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Records <paramref name="request"/>'s key in the session's transaction: for a unit of work that writes for several
    /// requests at once (an allocation batch), where no one request is ambient.
    /// </summary>
    public static void Record(IDocumentSession session, IdempotentRequest request, TimeProvider time) =>
        session.QueueSqlCommand(
            $"insert into {IdempotencyKeysTable.Name} (caller, key, body_hash, created_at) values (?, ?, ?, ?) on conflict (caller, key) do nothing",
            request.Caller, request.Key, request.BodyHash, time.GetUtcNow());

    private static bool Writes(IDocumentSession session) =>
        session.PendingChanges.Streams().Any(s => s.Events.Count > 0) || session.PendingChanges.Operations().Any();
}
