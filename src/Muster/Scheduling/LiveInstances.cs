using Npgsql;

namespace Muster.Scheduling;

/// <summary>An instance of the service and how long ago its scheduler last checked in.</summary>
public sealed record LiveInstance(string Name, TimeSpan CheckedInAgo);

/// <summary>
/// The instances of the service running now, as Quartz's cluster knows them: every instance's scheduler checks in every
/// <see cref="SchedulingModule.CheckinInterval"/>, and one not heard from within that and
/// <see cref="SchedulingModule.CheckinMisfireThreshold"/> is taken for stopped (its row stays behind after a crash).
/// </summary>
public static class LiveInstances
{
    public static async Task<IReadOnlyList<LiveInstance>> FindAsync(NpgsqlDataSource database, TimeProvider time, CancellationToken ct)
    {
        // The scheduler's tables are where its connection string's search path puts them; a store the service never
        // ran against has none.
        await using var exists = database.CreateCommand("select to_regclass('qrtz_scheduler_state') is not null");
        if (await exists.ExecuteScalarAsync(ct) is not true)
        {
            return [];
        }

        await using var instances = database.CreateCommand("select instance_name, last_checkin_time from qrtz_scheduler_state where sched_name = $1");
        instances.Parameters.Add(new NpgsqlParameter { Value = SchedulingModule.SchedulerName });
        var now = time.GetUtcNow().UtcTicks;
        var live = new List<LiveInstance>();
        await using var reader = await instances.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var ago = TimeSpan.FromTicks(Math.Max(0, now - reader.GetInt64(1)));
            if (ago < SchedulingModule.CheckinInterval + SchedulingModule.CheckinMisfireThreshold)
            {
                live.Add(new LiveInstance(reader.GetString(0), ago));
            }
        }

        return live;
    }
}
