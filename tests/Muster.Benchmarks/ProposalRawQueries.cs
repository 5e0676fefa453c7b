using System.Diagnostics;
using System.Globalization;
using Muster.Api.GraphQL.Relay;
using Muster.Depots.Locating;
using Muster.Dispatch.Proposing;
using Muster.Experts.Locating;
using Muster.Requests.Allocating;
using Muster.Scale;
using Muster.Spatial;
using Muster.Supplies.Levels;
using Muster.Units.Locating;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// The raw queries a proposal needs, one after another through Npgsql, each its own round trip as the service makes
/// them (#17, aim 3: a proposal's p50 against their sum): the incident's stream version and document, the plan,
/// k-nearest available units per capability and experts per specialty (ids and distances: what the planner uses),
/// the nearest depots holding each item, and the append (event, stream version, proposal and incident documents) in one
/// transaction on scratch tables of the same shape. No HTTP, GraphQL, JSON, decisions or coverage cost.
/// </summary>
public static class ProposalRawQueries
{
    private const int Capabilities = 5;
    private const int UnitsEach = 2;
    private const int Specialties = 3;
    private const int Items = 10;
    private const int ItemQuantity = 50;

    private static readonly string[] Parts = ["incident and plan", "units (5 KNN)", "experts (3 KNN)", "depots (10 items)", "append"];

    public static async Task AddAsync(NpgsqlDataSource raw, Report report, string where, string incidentId, GeoPoint near, double proposalP50, double proposalP99, int count)
    {
        var incident = GlobalId.Of("Incident", incidentId) ?? throw new ArgumentException($"not an incident's id: {incidentId}");
        await using var connection = await raw.OpenConnectionAsync();
        var (plan, proposalJson, incidentJson) = await ReadPayloadsAsync(connection, incident);
        await CreateScratchAsync(connection);

        var total = new Samples();
        var parts = Parts.Select(_ => new Samples()).ToArray();
        for (var i = 0; i < count + 40; i++)
        {
            var timed = i >= 40;
            var clock = Stopwatch.GetTimestamp();
            await Part(timed, parts[0], () => LoadIncidentAndPlanAsync(connection, incident, plan));
            await Part(timed, parts[1], () => NearestAsync(connection, UnitsSql, near, ScaleGenerator.Capabilities.Take(Capabilities),
                (Capabilities * UnitsEach) + DispatchPlanner.MaxAlternatives));
            await Part(timed, parts[2], () => NearestAsync(connection, ExpertsSql, near, ScaleGenerator.Specialties.Take(Specialties),
                Specialties + DispatchPlanner.MaxAlternatives));
            await Part(timed, parts[3], () => DepotsAsync(connection, near, SyntheticCatalog.Items(Items).Select(item => item.Code).ToArray()));
            await Part(timed, parts[4], () => AppendAsync(connection, incident, proposalJson, incidentJson));
            if (timed)
            {
                total.Add(Stopwatch.GetElapsedTime(clock).TotalMilliseconds);
            }
        }

        report.Add($"proposeDispatch {where} vs its raw queries", $"p50 {Report.F(proposalP50)} ms, p99 {Report.F(proposalP99)} ms",
            $"p50 {Report.F(total.P(0.5))} ms, p99 {Report.F(total.P(0.99))} ms", $"{Report.F(proposalP50 / total.P(0.5))}×",
            $"{count} rounds of the raw queries one after another, each its own round trip: " +
            string.Join(", ", Parts.Select((part, n) => $"{part} {Report.F(parts[n].P(0.5), "N2")} / {Report.F(parts[n].P(0.99), "N2")} ms")) +
            " (p50 / p99 each); the proposal includes HTTP, GraphQL, the decisions and its coverage cost (on by default)");
    }

    private static async Task Part(bool timed, Samples samples, Func<Task> once)
    {
        if (timed)
        {
            await samples.TimeAsync(async () =>
            {
                await once();
                return 0;
            });
        }
        else
        {
            await once();
        }
    }

    private static async Task<(Guid Plan, string Proposal, string Incident)> ReadPayloadsAsync(NpgsqlConnection connection, Guid incident)
    {
        await using var command = new NpgsqlCommand("""
            select (select id from muster.mt_doc_plan limit 1),
                   (select data::text from muster.mt_doc_dispatchproposal limit 1),
                   (select data::text from muster.mt_doc_incident where id = @incident)
            """, connection);
        command.Parameters.AddWithValue("incident", incident);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
    }

    private static async Task CreateScratchAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            create table if not exists bench_events (seq bigserial primary key, id uuid not null, stream_id uuid not null, version int not null,
              type text not null, data jsonb not null, timestamp timestamptz not null default now(), unique (stream_id, version));
            create table if not exists bench_streams (id uuid primary key, version int not null);
            create table if not exists bench_docs (id uuid primary key, data jsonb not null, version int not null);
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task LoadIncidentAndPlanAsync(NpgsqlConnection connection, Guid incident, Guid plan)
    {
        await using var command = new NpgsqlCommand("select version from muster.mt_streams where id = @incident", connection);
        command.Parameters.AddWithValue("incident", incident);
        await command.ExecuteScalarAsync();
        await ReadAllAsync(connection, "select data from muster.mt_doc_incident where id = @id", incident);
        await ReadAllAsync(connection, "select data from muster.mt_doc_plan where id = @id", plan);
    }

    private static async Task ReadAllAsync(NpgsqlConnection connection, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            reader.GetString(0);
        }
    }

    /// <summary>The point as the service sends it (this data source has no NetTopologySuite mapping).</summary>
    private const string Point = "ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography";

    private static string UnitsSql(int k) =>
        $"select id, ST_Distance(location, {Point}) from {UnitLocationsTable.Name} where status = 'Available' and @tag = any(capabilities) " +
        $"order by location <-> {Point} limit {k.ToString(CultureInfo.InvariantCulture)}";

    private static string ExpertsSql(int k) =>
        $"select id, ST_Distance(location, {Point}) from {ExpertLocationsTable.Name} where availability = 'Available' and @tag = any(specialties) " +
        $"order by location <-> {Point} limit {k.ToString(CultureInfo.InvariantCulture)}";

    private static async Task NearestAsync(NpgsqlConnection connection, Func<int, string> sql, GeoPoint near, IEnumerable<string> tags, int k)
    {
        foreach (var tag in tags)
        {
            await ReadNearAsync(connection, sql(k), near, "tag", tag);
        }
    }

    /// <summary>
    /// The nearest depots holding each item, as the proposal reads them: those whose stock covers its 50, nearest first,
    /// and the planner's alternatives after them, measured on the spheroid.
    /// </summary>
    private static Task DepotsAsync(NpgsqlConnection connection, GeoPoint near, string[] items) =>
        ReadNearAsync(connection, $"""
            select c.id, c.depot_id, c.available, ST_Distance(c.location, {Point}) as distance from unnest(@items::text[]) as q(code)
            cross join lateral ({StockCandidates.Covering($"""
                select s.id, s.depot_id, s.on_hand - s.reserved as available, d.location, d.location <-> {Point} as knn
                from {StockLevelsTable.Name} s join {DepotLocationsTable.Name} d on d.id = s.depot_id
                where s.item_code = q.code and s.on_hand - s.reserved > 0 and not d.closed and d.shared
                order by d.location <-> {Point} limit {StockCandidates.DepotsPerItem.ToString(CultureInfo.InvariantCulture)}
                """, ItemQuantity.ToString(CultureInfo.InvariantCulture), DispatchPlanner.MaxAlternatives.ToString(CultureInfo.InvariantCulture))}) c
            """, near, "items", items);

    /// <summary>Runs <paramref name="sql"/> at <paramref name="near"/> with one more parameter and reads every row.</summary>
    private static async Task ReadNearAsync(NpgsqlConnection connection, string sql, GeoPoint near, string name, object value)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("lon", near.Lon);
        command.Parameters.AddWithValue("lat", near.Lat);
        command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            reader.GetValue(0);
        }
    }

    /// <summary>What Marten's append of one event with two inline projections writes, on scratch tables.</summary>
    private static async Task AppendAsync(NpgsqlConnection connection, Guid incident, string proposal, string incidentDocument)
    {
        var @event = Guid.CreateVersion7();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("insert into bench_streams (id, version) values ($1, 1) on conflict (id) do update set version = bench_streams.version + 1", incident),
                Command("insert into bench_events (id, stream_id, version, type, data) select $1, $2, version, 'dispatch_proposed', $3::jsonb from bench_streams where id = $2",
                    @event, incident, proposal),
                Command("insert into bench_docs (id, data, version) values ($1, $2::jsonb, 1)", @event, proposal),
                Command("insert into bench_docs (id, data, version) values ($1, $2::jsonb, 1) on conflict (id) do update set data = excluded.data, version = bench_docs.version + 1",
                    incident, incidentDocument),
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
