using System.Text.Json;
using JasperFx.Events;
using Marten;

namespace Muster.Infrastructure.Changes;

/// <summary>
/// Queues a <c>pg_notify</c> for every stream a save appends to, inside the save's own transaction:
/// PostgreSQL delivers it only if the transaction commits, to every instance listening on the database.
/// </summary>
public sealed class ChangeNotifier : DocumentSessionListenerBase
{
    /// <summary>Keeps a payload far below PostgreSQL's 8000-byte NOTIFY limit.</summary>
    public const int MaxEventTypes = 50;

    /// <summary>
    /// SQL for the kind of stream row <c>s</c> (an <c>mt_streams</c> row) when the save did not name its aggregate: a plain
    /// Append does not, so the kind comes from the row's type, Marten's snake_case alias of the name.
    /// </summary>
    public const string KindOfStreamRow = "replace(initcap(replace(s.type, '_', ' ')), ' ', '')";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var appended = session.PendingChanges.Streams().Where(s => s.Events.Count > 0).ToList();
        if (appended.Count == 0)
        {
            return Task.CompletedTask;
        }

        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        // One statement for all the streams. It runs after the appends, so each stream's row holds the
        // version being committed (the append mode assigns versions in the database).
        session.QueueSqlCommand(
            $"""
            select pg_notify('{ChangeNotice.Channel}', json_build_object(
              'stream', s.id,
              'kind', coalesce(changed.kind, {KindOfStreamRow}, 'Unknown'),
              'version', s.version,
              'events', changed.events::jsonb,
              'seq', (select e.seq_id from {schema}.mt_events e where e.stream_id = s.id and e.version = s.version))::text)
            from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as changed(id, kind, events, position)
            join {schema}.mt_streams s on s.id = changed.id
            order by changed.position
            """,
            appended.Select(s => s.Id).ToArray(),
            appended.Select(s => s.AggregateType?.Name).ToArray(),
            appended.Select(EventTypes).ToArray());
        return Task.CompletedTask;
    }

    /// <summary>The types of the events appended, each once, in order.</summary>
    public static string EventTypes(StreamAction stream) =>
        JsonSerializer.Serialize(stream.Events.Select(e => e.EventTypeName).Distinct().Take(MaxEventTypes));
}
