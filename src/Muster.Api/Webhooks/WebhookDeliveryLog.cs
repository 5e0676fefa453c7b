using Muster.Infrastructure;
using Muster.Webhooks;
using Npgsql;

namespace Muster.Api.Webhooks;

/// <summary>Reads the recorded deliveries of one webhook, newest first.</summary>
public sealed class WebhookDeliveryLog(NpgsqlDataSource database)
{
    private const string Where = "where webhook_id = $1 and ($2::text is null or status = $2)";

    public async Task<int> CountAsync(Guid webhookId, WebhookDeliveryStatus? status, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select count(*) from {WebhookTables.Deliveries} {Where}");
        AddFilter(command, webhookId, status);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> PageAsync(Guid webhookId, WebhookDeliveryStatus? status, int offset, int limit, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"""
            select id, webhook_id, type, payload, status, attempts, created_at, next_attempt_at, last_attempt_at, last_status, last_error, delivered_at
            from {WebhookTables.Deliveries} {Where}
            order by created_at desc, id desc offset $3 limit $4
            """);
        AddFilter(command, webhookId, status);
        command.Parameters.Add(new NpgsqlParameter { Value = offset });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var page = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            page.Add(new WebhookDelivery(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<WebhookDeliveryStatus>(reader.GetString(4), ignoreCase: true), reader.GetInt32(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return page;
    }

    private static void AddFilter(NpgsqlCommand command, Guid webhookId, WebhookDeliveryStatus? status)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        command.Parameters.Add(new NpgsqlParameter { Value = status is { } s ? ApiName.Of(s) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    }
}
