using Muster.Infrastructure;
using Weasel.Postgresql.Tables;

namespace Muster.Webhooks;

/// <summary>
/// The webhook tables beside the event store: the signing secrets (kept out of the events, which are forever),
/// the outbox of changes written in the same transaction as the events, and the deliveries with their attempts.
/// </summary>
public static class WebhookTables
{
    public const string Secrets = EventStoreModule.Schema + ".webhook_secrets";
    public const string Outbox = EventStoreModule.Schema + ".webhook_outbox";
    public const string Deliveries = EventStoreModule.Schema + ".webhook_deliveries";

    public static IEnumerable<Table> Define()
    {
        var secrets = new Table(Secrets);
        secrets.AddColumn<Guid>("webhook_id").AsPrimaryKey();
        secrets.AddColumn<string>("secret").NotNull();
        yield return secrets;

        var outbox = new Table(Outbox);
        outbox.AddColumn("id", "bigserial").AsPrimaryKey();
        outbox.AddColumn<Guid>("stream_id").NotNull();
        outbox.AddColumn<string>("kind").NotNull();
        outbox.AddColumn<long>("version").NotNull();
        outbox.AddColumn<long>("seq");
        outbox.AddColumn("events", "jsonb").NotNull();
        outbox.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        yield return outbox;

        var deliveries = new Table(Deliveries);
        deliveries.AddColumn<Guid>("id").AsPrimaryKey();
        deliveries.AddColumn<Guid>("webhook_id").NotNull();
        deliveries.AddColumn<Guid>("agency_id").NotNull();
        deliveries.AddColumn<string>("type").NotNull();
        deliveries.AddColumn<Guid>("stream_id").NotNull();
        deliveries.AddColumn<long>("version").NotNull();
        deliveries.AddColumn<string>("payload").NotNull();
        deliveries.AddColumn<string>("status").NotNull();
        deliveries.AddColumn<int>("attempts").NotNull();
        deliveries.AddColumn<DateTimeOffset>("created_at").NotNull();
        deliveries.AddColumn<DateTimeOffset>("next_attempt_at");
        deliveries.AddColumn<DateTimeOffset>("last_attempt_at");
        deliveries.AddColumn<int>("last_status");
        deliveries.AddColumn<string>("last_error");
        deliveries.AddColumn<DateTimeOffset>("delivered_at");
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_due")
        {
            Columns = ["next_attempt_at"], Predicate = "status = 'PENDING'",
        });
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_webhook") { Columns = ["webhook_id", "created_at"] });
        yield return deliveries;
    }
}
