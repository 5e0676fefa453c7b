using Npgsql;

namespace Muster.Infrastructure;

/// <summary>
/// Statements that need a PostgreSQL setting of their own (a plan mode, no parallel workers, no JIT), in one round
/// trip: <c>begin</c>, <c>set local</c>, the statements, <c>commit</c>. The setting ends with the transaction, so it
/// never reaches the pooled connection's next user; <c>begin</c> and <c>set</c> answer no rows, so the batch's reader
/// starts at the first statement's.
/// </summary>
public static class LocalSettings
{
    public static NpgsqlBatch Batch(NpgsqlDataSource database, string setting, params IEnumerable<NpgsqlBatchCommand> statements)
    {
        var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("begin"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"set local {setting}"));
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("commit"));
        return batch;
    }
}
