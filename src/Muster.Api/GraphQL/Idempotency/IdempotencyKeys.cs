using Muster.Infrastructure.Idempotency;
using Npgsql;

namespace Muster.Api.GraphQL.Idempotency;

/// <summary>The idempotency keys table, and the lock that lets one request at a time, on any instance, use a key.</summary>
public sealed class IdempotencyKeys(NpgsqlDataSource database, TimeProvider time)
{
    /// <summary>Namespace of the advisory locks taken for keys (the first half of the two-integer lock id).</summary>
    private const int LockSpace = 13013;

    /// <summary>
    /// Takes the key's lock on a connection of its own, or returns null when another request holds it. The lock goes
    /// when the returned lease is disposed, or with the connection if this instance dies.
    /// </summary>
    public async Task<IAsyncDisposable?> TryLockAsync(string caller, string key, CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1, hashtext($2))", connection);
            command.Parameters.AddWithValue(LockSpace);
            command.Parameters.AddWithValue(caller + "\n" + key);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new Lease(connection, caller + "\n" + key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The key's row if it is younger than <paramref name="keepFor"/>; an older one is deleted.</summary>
    public async Task<StoredAnswer?> FindAsync(string caller, string key, TimeSpan keepFor, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var expire = new NpgsqlCommand(
            $"delete from {IdempotencyKeysTable.Name} where caller = $1 and key = $2 and created_at < $3", connection))
        {
            expire.Parameters.AddWithValue(caller);
            expire.Parameters.AddWithValue(key);
            expire.Parameters.AddWithValue(time.GetUtcNow() - keepFor);
            await expire.ExecuteNonQueryAsync(ct);
        }

        await using var find = new NpgsqlCommand(
            $"select body_hash, status, content_type, response from {IdempotencyKeysTable.Name} where caller = $1 and key = $2", connection);
        find.Parameters.AddWithValue(caller);
        find.Parameters.AddWithValue(key);
        await using var reader = await find.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new StoredAnswer(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    /// <summary>Stores the answer of a request whose writes committed under the key; true when there was such a write.</summary>
    public async Task<bool> StoreAnswerAsync(string caller, string key, int status, string? contentType, string body, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            $"update {IdempotencyKeysTable.Name} set status = $3, content_type = $4, response = $5 where caller = $1 and key = $2", connection);
        command.Parameters.AddWithValue(caller);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(status);
        command.Parameters.AddWithValue((object?)contentType ?? DBNull.Value);
        command.Parameters.AddWithValue(body);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Deletes every key older than <paramref name="keepFor"/>; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(TimeSpan keepFor, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"delete from {IdempotencyKeysTable.Name} where created_at < $1", connection);
        command.Parameters.AddWithValue(time.GetUtcNow() - keepFor);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class Lease(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1, hashtext($2))", connection);
                unlock.Parameters.AddWithValue(LockSpace);
                unlock.Parameters.AddWithValue(name);
                await unlock.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection broke: the server released the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
