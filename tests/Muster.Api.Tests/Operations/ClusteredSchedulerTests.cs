using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Npgsql;
using Quartz;

namespace Muster.Api.Tests.Operations;

/// <summary>Two replicas of the service on one database: each firing of a job runs on exactly one of them.</summary>
public sealed class ClusteredSchedulerTests : IAsyncLifetime
{
    private const int Firings = 5;
    private TestDatabase _database = null!;
    private MusterApp _first = null!;
    private MusterApp _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            "CREATE TABLE probe_runs (scheduled_at timestamptz NOT NULL, instance text NOT NULL)", connection);
        await create.ExecuteNonQueryAsync();

        _first = new MusterApp(_database);
        _second = new MusterApp(_database);
        _first.CreateClient().Dispose();
        _second.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_repeating_job_fires_once_per_firing_across_two_replicas()
    {
        var scheduler = await _first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<ProbeJob>().WithIdentity("probe").Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity("probe")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(1))
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMilliseconds(700)).WithRepeatCount(Firings - 1))
            .Build();
        await scheduler.ScheduleJob(job, trigger);

        // Quartz deletes a trigger when its last firing completes, and keeps a row in qrtz_fired_triggers while a firing
        // runs on any replica: when neither is left, every firing (a double one included) has run to its end.
        await Eventually.HoldsAsync(async () => await QuartzRowsOfAsync("probe") == 0, "the trigger fired for the last time and no firing runs",
            TimeSpan.FromSeconds(30));
        var runs = await ReadRunsAsync();

        Assert.Equal(Firings, runs.Count);
        Assert.Equal(Firings, runs.Select(r => r.ScheduledAt).Distinct().Count());
    }

    private async Task<long> QuartzRowsOfAsync(string trigger)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM qrtz_triggers WHERE trigger_name = $1) + (SELECT count(*) FROM qrtz_fired_triggers WHERE trigger_name = $1)",
            connection);
        query.Parameters.AddWithValue(trigger);
        return (long)(await query.ExecuteScalarAsync())!;
    }

    private async Task<List<(DateTime ScheduledAt, string Instance)>> ReadRunsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT scheduled_at, instance FROM probe_runs", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var runs = new List<(DateTime, string)>();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetDateTime(0), reader.GetString(1)));
        }

        return runs;
    }

    /// <summary>Records each firing with the scheduler instance that ran it.</summary>
    public sealed class ProbeJob(NpgsqlDataSource database) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            await using var insert = database.CreateCommand("INSERT INTO probe_runs VALUES ($1, $2)");
            insert.Parameters.AddWithValue(context.ScheduledFireTimeUtc!.Value.UtcDateTime);
            insert.Parameters.AddWithValue(context.Scheduler.SchedulerInstanceId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
