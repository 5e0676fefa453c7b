using System.Text.Json.Nodes;
using Marten;
using Muster.Incidents;
using Muster.Requests;
using Muster.Units;
using Muster.Webhooks;
using Npgsql;

namespace Muster.Api.Webhooks;

/// <summary>
/// Turns outbox rows into one recorded delivery per webhook that wants the change, and deletes the rows, in one
/// transaction. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so two instances never fan out the same change;
/// a crash before the commit leaves the rows for the next round.
/// </summary>
public sealed class WebhookFanOut(NpgsqlDataSource database, IDocumentStore store, WebhookOptions options, TimeProvider clock)
{
    private sealed record Change(long Id, Guid Stream, string Kind, long Version, string Events);

    /// <summary>How many outbox rows were fanned out.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changes = await ClaimAsync(connection, transaction, ct);
        if (changes.Count == 0)
        {
            return 0;
        }

        await using var session = store.QuerySession();
        var webhooks = await session.Query<Webhook>().Where(w => w.RemovedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var change in changes)
        {
            if (await DescribeAsync(session, change, ct) is not { } described)
            {
                continue;
            }

            foreach (var webhook in webhooks.Where(described.Wants))
            {
                var body = WebhookPayload.Of(described.Type, now, change.Version, JsonNode.Parse(change.Events)!, described.State);
                batch.BatchCommands.Add(Insert(webhook, described.Type, change, body, now));
            }
        }

        var delete = new NpgsqlBatchCommand($"delete from {WebhookTables.Outbox} where id = any($1)");
        delete.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Id).ToArray() });
        batch.BatchCommands.Add(delete);
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return changes.Count;
    }

    private async Task<List<Change>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var claim = new NpgsqlCommand(
            $"select id, stream_id, kind, version, events::text from {WebhookTables.Outbox} order by id limit $1 for update skip locked",
            connection, transaction);
        claim.Parameters.Add(new NpgsqlParameter { Value = options.BatchSize });
        var changes = new List<Change>();
        await using var reader = await claim.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            changes.Add(new Change(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4)));
        }

        return changes;
    }

    private sealed record Described(string Type, JsonObject State, Func<Webhook, bool> Wants);

    /// <summary>The changed object as it stands now, and which webhooks want it; null when it is gone.</summary>
    private static async Task<Described?> DescribeAsync(IQuerySession session, Change change, CancellationToken ct)
    {
        switch (change.Kind)
        {
            case nameof(RescueUnit):
                var unit = await session.LoadAsync<RescueUnit>(change.Stream, ct);
                return unit is null ? null : new(WebhookPayload.UnitChanged, WebhookPayload.Unit(unit),
                    w => w.Kinds.Contains(WebhookKind.Units) && w.AgencyId == unit.AgencyId);
            case nameof(SupplyRequest):
                var request = await session.LoadAsync<SupplyRequest>(change.Stream, ct);
                return request is null ? null : new(WebhookPayload.SupplyRequestChanged, WebhookPayload.Request(request),
                    w => w.Kinds.Contains(WebhookKind.Requests) && w.AgencyId == request.AgencyId);
            case nameof(Incident):
                var incident = await session.LoadAsync<Incident>(change.Stream, ct);
                return incident is null ? null : new(WebhookPayload.IncidentChanged, WebhookPayload.Incident(incident),
                    w => w.Kinds.Contains(WebhookKind.Incidents) && w.IncidentArea is { } area && area.Contains(incident.Location));
            default:
                return null;
        }
    }

    private static NpgsqlBatchCommand Insert(Webhook webhook, string type, Change change, string body, DateTimeOffset now)
    {
        var insert = new NpgsqlBatchCommand(
            $"""
            insert into {WebhookTables.Deliveries}
              (id, webhook_id, agency_id, type, stream_id, version, payload, status, attempts, created_at, next_attempt_at)
            values ($1, $2, $3, $4, $5, $6, $7, 'PENDING', 0, $8, $8)
            """);
        foreach (var value in new object[] { Guid.CreateVersion7(), webhook.Id, webhook.AgencyId, type, change.Stream, change.Version, body, now })
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return insert;
    }
}
