using System.Diagnostics;
using Npgsql;

namespace Muster.Api.Tests.Support;

/// <summary>
/// The streaming standby of the private cluster, started by the project's script (<c>muster_db_standby_ensure</c>)
/// when a test needs it; its multi-host connection string comes from <c>ConnectionStrings__MusterReads</c> or the script.
/// </summary>
public static class Standby
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// Starts the standby unless it runs, and returns the prefer-standby multi-host string for <paramref name="database"/>
    /// and whether this call started it.
    /// </summary>
    public static async Task<(string Reads, bool Started)> EnsureAsync(string database)
    {
        await Gate.WaitAsync();
        try
        {
            var answer = await ScriptAsync("muster_db_standby_ensure >&2 && printf '%s\\n%s' \"${MUSTER_PG_STANDBY_STARTED:-0}\" \"${ConnectionStrings__MusterReads:-}\"");
            var started = answer.StartsWith('1');
            var reads = answer[(answer.IndexOf('\n') + 1)..];
            if (string.IsNullOrEmpty(reads))
            {
                throw new InvalidOperationException(
                    "These tests need a streaming standby: scripts/postgres.sh starts one beside its private cluster; with an external server set ConnectionStrings__MusterReads.");
            }

            return (new NpgsqlConnectionStringBuilder(reads) { Database = database }.ConnectionString, started);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the standby (fast shutdown: its sessions are cut, as in a failover or a restart).</summary>
    public static Task StopAsync() => ScriptAsync("muster_db_standby_stop >&2");

    /// <summary>Whether the server a connection of <paramref name="source"/> lands on is a standby (in recovery).</summary>
    public static async Task<bool> InRecoveryAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("select pg_is_in_recovery()");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops applying the primary's WAL: the standby answers, and falls behind by as much as the primary writes.</summary>
    public static Task PauseReplayAsync(string reads) => OnStandbyAsync(reads, "select pg_wal_replay_pause()");

    public static Task ResumeReplayAsync(string reads) => OnStandbyAsync(reads, "select pg_wal_replay_resume()");

    /// <summary>Waits until the standby has applied everything the primary had written when called.</summary>
    public static async Task CaughtUpAsync(string primary, string reads)
    {
        string lsn;
        await using (var connection = new NpgsqlConnection(primary))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select pg_current_wal_lsn()::text", connection);
            lsn = (string)(await command.ExecuteScalarAsync())!;
        }

        await Eventually.HoldsAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(StandbyOnly(reads));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"select pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn", connection);
            return (bool)(await command.ExecuteScalarAsync())!;
        }, $"the standby replays the primary's WAL up to {lsn}", TimeSpan.FromSeconds(90)); // after a stop, it replays what it missed
    }

    private static async Task OnStandbyAsync(string reads, string sql)
    {
        await using var connection = new NpgsqlConnection(StandbyOnly(reads));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The same hosts, but only a standby will do, unpooled (these connections must not outlive a stop), in the maintenance
    /// database: a failed connection (to a database the standby has not replayed yet) would mark the standby offline in
    /// Npgsql's host cache, shared with the service in this process, which would then read on the primary for a while.
    /// </summary>
    private static string StandbyOnly(string reads) =>
        new NpgsqlConnectionStringBuilder(reads) { TargetSessionAttributes = "standby", Pooling = false, Database = "postgres" }.ConnectionString;

    private static async Task<string> ScriptAsync(string call)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source scripts/postgres.sh && {call}"])
        {
            WorkingDirectory = RepositoryRoot.Path(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh: {call} failed: {await error}");
        }

        return (await output).Trim();
    }
}
