using Marten;
using Muster.Incidents;
using Muster.Infrastructure.Changes;
using Muster.Requests;
using Muster.Units;

namespace Muster.Webhooks.Outbox;

/// <summary>
/// Writes a row to the webhook outbox for every unit, supply request or incident stream a save appends to, in
/// the save's own transaction: a committed change always has its row, a rolled-back one never. No handler has
/// to know about webhooks. While no webhook was ever registered the statement inserts nothing. Which webhooks get the
/// change is decided later, when the delivery worker fans the row out (<see cref="Delivering.WebhookFanOut"/>).
/// </summary>
public sealed class WebhookOutbox(TimeProvider clock) : DocumentSessionListenerBase
{
    /// <summary>The aggregates whose changes webhooks carry, by the name Marten's stream rows give them.</summary>
    public static readonly IReadOnlyList<string> Kinds = [nameof(RescueUnit), nameof(SupplyRequest), nameof(Incident)];

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        // A plain Append names no aggregate: the database's stream row says its kind, as for the change notices.
        var appended = session.PendingChanges.Streams()
            .Where(s => s.Events.Count > 0 && (s.AggregateType is null || Kinds.Contains(s.AggregateType.Name)))
            .ToList();
        if (appended.Count == 0)
        {
            return Task.CompletedTask;
        }

        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        session.QueueSqlCommand(
            $"""
            insert into {WebhookTables.Outbox} (stream_id, kind, version, seq, events, recorded_at)
            select s.id, k.kind, s.version,
                   (select e.seq_id from {schema}.mt_events e where e.stream_id = s.id and e.version = s.version),
                   changed.events::jsonb, ?
            from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as changed(id, kind, events, position)
            join {schema}.mt_streams s on s.id = changed.id
            cross join lateral (select coalesce(changed.kind, {ChangeNotifier.KindOfStreamRow})) k(kind)
            where k.kind = any(?::text[])
              and exists (select 1 from {schema}.mt_doc_webhook)
            order by changed.position
            """,
            clock.GetUtcNow(),
            appended.Select(s => s.Id).ToArray(),
            appended.Select(s => s.AggregateType?.Name).ToArray(),
            appended.Select(ChangeNotifier.EventTypes).ToArray(),
            Kinds.ToArray());
        return Task.CompletedTask;
    }
}
