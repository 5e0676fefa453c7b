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

        session.QueueSqlCommand(
            $"insert into {IdempotencyKeysTable.Name} (caller, key, body_hash, created_at) values (?, ?, ?, ?) on conflict (caller, key) do nothing",
            request.Caller, request.Key, request.BodyHash, time.GetUtcNow());
        return Task.CompletedTask;
    }

    private static bool Writes(IDocumentSession session) =>
        session.PendingChanges.Streams().Any(s => s.Events.Count > 0) || session.PendingChanges.Operations().Any();
}
