using System.Net.Http.Headers;
using System.Text;
using Marten;
using Muster.Webhooks;
using Npgsql;

namespace Muster.Api.Webhooks;

/// <summary>
/// Sends the deliveries that are due, signed, and records each outcome. The due rows are locked with
/// <c>FOR UPDATE SKIP LOCKED</c> for the time of the sending, so two instances never send the same delivery at once;
/// if the process dies mid-way the transaction ends with it and the rows are due again (at least once: receivers
/// drop repeats by <c>webhook-id</c>).
/// </summary>
public sealed class WebhookSender(
    NpgsqlDataSource database, IDocumentStore store, IHttpClientFactory clients, WebhookOptions options, TimeProvider clock)
{
    public const string HttpClientName = "webhooks";

    private sealed record Due(Guid Id, Guid WebhookId, string Payload, int Attempts, string Secret);

    private sealed record Outcome(bool Delivered, int? Status, string? Error);

    /// <summary>How many deliveries were attempted.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var due = await ClaimAsync(connection, transaction, ct);
        if (due.Count == 0)
        {
            return 0;
        }

        await using var session = store.QuerySession();
        var webhooks = (await session.LoadManyAsync<Webhook>(ct, due.Select(d => d.WebhookId).Distinct())).ToDictionary(w => w.Id);
        var outcomes = await Task.WhenAll(due.Select(d => webhooks.TryGetValue(d.WebhookId, out var webhook) && !webhook.Removed
            ? SendAsync(webhook, d, ct)
            : Task.FromResult(new Outcome(false, null, "the webhook was removed"))));

        var now = clock.GetUtcNow();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (delivery, outcome) in due.Zip(outcomes))
        {
            batch.BatchCommands.Add(Record(delivery, outcome, webhooks.ContainsKey(delivery.WebhookId) && !webhooks[delivery.WebhookId].Removed, now));
        }

        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }

    private async Task<List<Due>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var claim = new NpgsqlCommand(
            $"""
            select d.id, d.webhook_id, d.payload, d.attempts, s.secret
            from {WebhookTables.Deliveries} d join {WebhookTables.Secrets} s on s.webhook_id = d.webhook_id
            where d.status = 'PENDING' and d.next_attempt_at <= $1
            order by d.next_attempt_at
            limit $2
            for update of d skip locked
            """,
            connection, transaction);
        claim.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        claim.Parameters.Add(new NpgsqlParameter { Value = options.BatchSize });
        var due = new List<Due>();
        await using var reader = await claim.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            due.Add(new Due(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4)));
        }

        return due;
    }

    private async Task<Outcome> SendAsync(Webhook webhook, Due delivery, CancellationToken ct)
    {
        var id = "msg_" + delivery.Id.ToString("N");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSecret.Sign(delivery.Secret, id, timestamp, delivery.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Muster-Webhooks", "1"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new Outcome(true, status, null)
                : new Outcome(false, status, $"the receiver answered {status} {response.ReasonPhrase}".TrimEnd());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(false, null, $"no answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new Outcome(false, null, e.Message);
        }
    }

    private NpgsqlBatchCommand Record(Due delivery, Outcome outcome, bool webhookLives, DateTimeOffset now)
    {
        var attempts = delivery.Attempts + (webhookLives ? 1 : 0);
        var (status, next) = outcome.Delivered
            ? ("DELIVERED", (DateTimeOffset?)null)
            : !webhookLives || attempts >= options.MaxAttempts
                ? ("FAILED", null)
                : ("PENDING", now + options.RetryDelay(attempts));
        var update = new NpgsqlBatchCommand(
            $"""
            update {WebhookTables.Deliveries}
            set status = $2, attempts = $3, next_attempt_at = $4, last_attempt_at = $5, last_status = $6, last_error = $7,
                delivered_at = case when $2 = 'DELIVERED' then $5 end
            where id = $1
            """);
        update.Parameters.Add(new NpgsqlParameter { Value = delivery.Id });
        update.Parameters.Add(new NpgsqlParameter { Value = status });
        update.Parameters.Add(new NpgsqlParameter { Value = attempts });
        update.Parameters.Add(new NpgsqlParameter { Value = next is { } at ? at : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        update.Parameters.Add(new NpgsqlParameter { Value = now });
        update.Parameters.Add(new NpgsqlParameter { Value = outcome.Status is { } code ? code : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)outcome.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return update;
    }
}
