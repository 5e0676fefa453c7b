using Weasel.Postgresql.Tables;

namespace Muster.Infrastructure.Idempotency;

/// <summary>
/// One row a caller's idempotency key whose request committed something: written in the same transaction as the
/// request's events (so the row proves the write happened), then completed with the answer the client was given.
/// </summary>
public static class IdempotencyKeysTable
{
    public const string Name = EventStoreModule.Schema + ".idempotency_keys";

    public static Table Define()
    {
        var table = new Table(Name);
        table.AddColumn<string>("caller").AsPrimaryKey();
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<string>("body_hash").NotNull();
        table.AddColumn<DateTimeOffset>("created_at").NotNull();
        table.AddColumn<int>("status");
        table.AddColumn<string>("content_type");
        table.AddColumn<string>("response");
        table.Indexes.Add(new IndexDefinition("ix_idempotency_keys_created_at") { Columns = ["created_at"] });
        return table;
    }
}
