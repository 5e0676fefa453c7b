using System.Text;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Requests.Allocating;
using Muster.Supplies;
using Npgsql;

namespace Muster.Api.Tests.Requests;

/// <summary>The requesting agencies, served by two instances of the service on one database.</summary>
public sealed class RequestingAgenciesOnTwoInstances : RequestingAgencies
{
    private MusterApp? _second;

    public MusterApp Second => _second ?? throw new InvalidOperationException("fixture not initialised");

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["GraphQL:Timeout"] = "00:03:00" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _second = new MusterApp(Database, Environment, Settings);
        using var client = _second.CreateClient();
    }

    public override async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>
/// Allocations by group commit, against the real database: many allocators of the same stock lines at once are decided
/// in arrival order in shared transactions, each answered exactly what a serial run in that order gives; a refused one
/// fails alone; two instances never allocate the same stock twice; a connection killed mid-batch writes nothing half
/// and its callers are answered cleanly; a retried allocation with its idempotency key allocates once.
/// </summary>
public sealed class GroupCommitAllocationTests(RequestingAgenciesOnTwoInstances given) : IClassFixture<RequestingAgenciesOnTwoInstances>
{
    /// <summary>The delivery point; the test's depots lie due north of it, 1, 3 and 5 km away.</summary>
    private const double Lat = 36.5750;
    private const double Lon = 111.7350;

    private MusterApp App => given.App;

    [Fact]
    public async Task Forty_allocations_at_once_are_answered_as_a_serial_run_in_their_commit_order_gives()
    {
        var (item, depots) = await ThreeDepotsAsync("折叠床", 10);
        var asked = Enumerable.Range(0, 40).Select(i => 1 + (i % 4)).ToList();
        var requests = await RequestAsync(item, asked);

        var answers = await Task.WhenAll(requests.Select(id => RequestCalls.ChangeAsync(App, RequestCalls.Allocate, new { requestId = id })));

        Assert.All(answers, a => Assert.Empty(a["errors"]!.AsArray()));
        var order = await CommitOrderAsync(requests);
        var left = depots.ToDictionary(d => d, _ => 10);
        foreach (var i in order)
        {
            // Alone, in this order: nearest depot first, all it has before the next; the rest a shortfall.
            var want = asked[i];
            var expected = new List<(string, string, int)>();
            foreach (var depot in depots.Where(d => left[d] > 0))
            {
                var take = Math.Min(want, left[depot]);
                if (take == 0)
                {
                    break;
                }

                expected.Add((depot, item, take));
                left[depot] -= take;
                want -= take;
            }

            var answer = answers[i]["request"]!;
            Assert.Equal(expected, RequestCalls.Allocations(answer));
            Assert.Equal(want == 0 ? new List<(string, int)>() : [(item, want)], RequestCalls.Shortfalls(answer));
            Assert.Equal(want == 0 ? "ALLOCATED" : want < asked[i] ? "PARTIALLY_ALLOCATED" : "APPROVED", RequestCalls.Status(answer));
        }

        foreach (var depot in depots)
        {
            Assert.Equal((10, 10, 0), await RequestCalls.LevelAsync(App, depot, item));
            // The line's reservations, in its stream, follow the same order.
            var holders = (await LedgerAsync(depot, item)).OfType<StockReserved>().Select(e => GlobalId.Encode("SupplyRequest", e.HolderId)).ToList();
            Assert.Equal(order.Select(i => requests[i]).Where(holders.Contains), holders);
        }

        // Several allocations shared a transaction (their event rows carry its one transaction id), not one commit each.
        var transactions = await TransactionsOfAllocationsAsync(requests);
        Assert.True(transactions < requests.Count, $"{transactions} transactions for {requests.Count} allocations");
    }

    [Fact]
    public async Task A_refused_allocation_among_many_fails_alone_and_writes_nothing()
    {
        var (item, depots) = await ThreeDepotsAsync("帐篷", 20);
        var requests = await RequestAsync(item, Enumerable.Repeat(2, 12).ToList());
        var rejected = requests[5];
        await RequestCalls.ChangedAsync(App, RequestCalls.Reject, new { requestId = rejected, reason = "重复申请" });
        var eventsOfRejected = (await StreamAsync(rejected)).Count;
        var twice = requests[7];

        var answers = await Task.WhenAll(requests.Append(twice).Select(id => RequestCalls.ChangeAsync(App, RequestCalls.Allocate, new { requestId = id })));

        Assert.Equal("INVALID_STATE", RequestCalls.Error(answers[5]).Code);
        Assert.Equal(eventsOfRejected, (await StreamAsync(rejected)).Count);
        var ofTwice = new[] { answers[7], answers[^1] };
        Assert.Single(ofTwice, a => a["errors"]!.AsArray().Count == 0);
        Assert.Single(ofTwice, a => a["errors"]!.AsArray().Any(e => e!["code"]!.GetValue<string>() == "INVALID_STATE"));
        var others = answers.Take(requests.Count).Where((_, i) => i is not 5 and not 7).ToList();
        Assert.All(others, a => Assert.Equal("ALLOCATED", RequestCalls.Status(a["request"]!)));
        Assert.Single(await StreamAsync(twice), e => e.Data is SupplyRequestAllocated);
        Assert.Equal((20, 20, 0), await RequestCalls.LevelAsync(App, depots[0], item));
        Assert.Equal((20, 2, 18), await RequestCalls.LevelAsync(App, depots[1], item));
    }

    [Fact]
    public async Task Two_instances_allocating_the_same_lines_at_once_never_take_the_same_stock_twice()
    {
        var (item, depots) = await ThreeDepotsAsync("排水泵", 10);
        var asked = Enumerable.Range(0, 40).Select(i => 1 + (i % 3)).ToList();
        var requests = await RequestAsync(item, asked);

        var answers = await Task.WhenAll(requests.Select((id, i) =>
            RequestCalls.ChangeAsync(i % 2 == 0 ? App : given.Second, RequestCalls.Allocate, new { requestId = id })));

        Assert.All(answers, a => Assert.Empty(a["errors"]!.AsArray()));
        foreach (var depot in depots)
        {
            Assert.Equal((10, 10, 0), await RequestCalls.LevelAsync(App, depot, item));
            var reserved = (await LedgerAsync(depot, item)).OfType<StockReserved>()
                .Select(e => (GlobalId.Encode("SupplyRequest", e.HolderId), e.Quantity)).Order().ToList();
            var answered = answers.SelectMany(a => RequestCalls.Allocations(a["request"]!).Where(x => x.Depot == depot)
                .Select(x => (RequestCalls.Id(a["request"]!), x.Quantity))).Order().ToList();
            Assert.Equal(answered, reserved);
        }

        for (var i = 0; i < requests.Count; i++)
        {
            var answer = answers[i]["request"]!;
            Assert.Equal(asked[i], RequestCalls.Allocations(answer).Sum(a => a.Quantity) + RequestCalls.Shortfalls(answer).Sum(s => s.Quantity));
        }

        Assert.Equal(30, answers.Sum(a => RequestCalls.Allocations(a["request"]!).Sum(x => x.Quantity)));
    }

    [Fact]
    public async Task A_connection_killed_mid_batch_writes_nothing_half_and_its_callers_are_answered()
    {
        var (item, depots) = await ThreeDepotsAsync("救生衣", 10);
        var requests = await RequestAsync(item, Enumerable.Repeat(1, 12).ToList());
        var line = StockLineId.Of(GlobalId.Of("Depot", depots[0])!.Value, item);

        // Another transaction holds the nearest line's lock: the batch waits on it inside its transaction.
        await using var holder = new NpgsqlConnection(App.Database.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("select version from muster.mt_streams where id = $1 for update", holder, transaction))
        {
            hold.Parameters.AddWithValue(line);
            await hold.ExecuteScalarAsync();
        }

        var allocating = Task.WhenAll(requests.Select(id => RequestCalls.CallAsync(App, RequestCalls.Allocate, new { requestId = id }, App.Token("logistics"))));
        await Eventually.HoldsAsync(async () => await WaitingOnLockAsync(holder) > 0, "the batch waits for the line's lock", TimeSpan.FromSeconds(60));
        await using (var kill = new NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'", holder))
        {
            Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
        }

        await transaction.RollbackAsync();
        var responses = await allocating;

        Assert.All(responses, r => Assert.Equal("ALLOCATED", RequestCalls.Status(r.Data!["allocateSupplyRequest"]!["request"]!)));
        Assert.Equal((10, 10, 0), await RequestCalls.LevelAsync(App, depots[0], item));
        Assert.Equal((10, 2, 8), await RequestCalls.LevelAsync(App, depots[1], item));
        foreach (var id in requests)
        {
            Assert.Single(await StreamAsync(id), e => e.Data is SupplyRequestAllocated);
        }

        Assert.Equal(12, (await LedgerAsync(depots[0], item)).OfType<StockReserved>().Count() + (await LedgerAsync(depots[1], item)).OfType<StockReserved>().Count());
    }

    [Fact]
    public async Task Allocations_retried_with_their_idempotency_keys_are_answered_again_and_allocate_once()
    {
        var (item, depots) = await ThreeDepotsAsync("发电机", 10);
        var requests = await RequestAsync(item, Enumerable.Repeat(2, 10).ToList());
        var token = App.Token("logistics");

        var first = await Task.WhenAll(requests.Select(id => AllocateWithKeyAsync(id, "alloc-" + id, token)));
        var retried = await Task.WhenAll(requests.Select(id => AllocateWithKeyAsync(id, "alloc-" + id, token)));

        Assert.All(first, a => Assert.Contains("\"errors\":[]", a, StringComparison.Ordinal));
        Assert.Equal(first, retried);
        Assert.Equal((10, 10, 0), await RequestCalls.LevelAsync(App, depots[0], item));
        Assert.Equal((10, 10, 0), await RequestCalls.LevelAsync(App, depots[1], item));
        Assert.Equal((10, 0, 10), await RequestCalls.LevelAsync(App, depots[2], item));
        foreach (var id in requests)
        {
            Assert.Single(await StreamAsync(id), e => e.Data is SupplyRequestAllocated);
        }
    }

    private async Task<string> AllocateWithKeyAsync(string requestId, string key, string token)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { query = RequestCalls.Allocate, variables = new { input = new { requestId } } });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return (await App.SendAsync(request, token)).Text;
    }

    [Fact]
    public async Task Callers_a_batch_answered_who_come_back_one_by_one_are_committed_together()
    {
        var (item, depots) = await ThreeDepotsAsync("照明灯", 10);
        var requests = await RequestAsync(item, Enumerable.Repeat(1, 7).ToList());
        await using var allocator = PatientAllocator(TimeSpan.FromSeconds(2));

        // The first allocation waits on the nearest line's lock while three more queue behind it.
        await using var holder = new NpgsqlConnection(App.Database.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("select version from muster.mt_streams where id = $1 for update", holder, transaction))
        {
            hold.Parameters.AddWithValue(StockLineId.Of(GlobalId.Of("Depot", depots[0])!.Value, item));
            await hold.ExecuteScalarAsync();
        }

        var first = Allocate(allocator, requests[0]);
        await Eventually.HoldsAsync(async () => await WaitingOnLockAsync(holder) > 0, "the first batch waits for the line's lock", TimeSpan.FromSeconds(60));
        var queued = requests.Skip(1).Take(3).Select(id => Allocate(allocator, id)).ToList();
        await transaction.RollbackAsync();
        await first;
        await Task.WhenAll(queued);

        // Those three were answered together; now they come back one after another, a moment apart.
        var again = new List<Task<Result<SupplyRequest>>>();
        foreach (var id in requests.Skip(4))
        {
            again.Add(Allocate(allocator, id));
            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }

        Assert.All(await Task.WhenAll(again), a => Assert.Equal(SupplyRequestStatus.Allocated, a.Value!.Status));
        Assert.Equal(1, await TransactionsOfAllocationsAsync(requests.Skip(1).Take(3).ToList()));
        Assert.Equal(1, await TransactionsOfAllocationsAsync(requests.Skip(4).ToList()));
        Assert.Equal((10, 7, 3), await RequestCalls.LevelAsync(App, depots[0], item));
    }

    [Fact]
    public async Task An_allocation_alone_is_not_held_back_to_gather_others()
    {
        var (item, _) = await ThreeDepotsAsync("净水器", 10);
        var requests = await RequestAsync(item, [2]);
        await using var allocator = PatientAllocator(TimeSpan.FromMinutes(5));

        var answer = await Allocate(allocator, requests[0]).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(SupplyRequestStatus.Allocated, answer.Value!.Status);
    }

    /// <summary>An allocator of its own (its own queue), gathering for as long as <paramref name="gathering"/>.</summary>
    private Allocator PatientAllocator(TimeSpan gathering) =>
        new(App.Services.GetRequiredService<IDocumentStore>(), App.Services.GetRequiredService<NpgsqlDataSource>(),
            new RequestsOptions { AllocationGathering = gathering }, TimeProvider.System, NullLogger<Allocator>.Instance);

    private static Task<Result<SupplyRequest>> Allocate(Allocator allocator, string requestId) =>
        allocator.AllocateAsync(new AllocateSupplyRequest(GlobalId.Of("SupplyRequest", requestId)!.Value), new Actor("logistics", Role.Logistics, null), null, CancellationToken.None);

    [Fact]
    public async Task Requests_at_one_point_and_at_another_allocated_at_once_each_take_their_own_nearest_stock()
    {
        // Beds 1 km and 5 km north of the delivery point, blankets 3 km north; a second point 6 km north.
        var beds = await RequestCalls.NewItemAsync(App, "行军床");
        var blankets = await RequestCalls.NewItemAsync(App, "棉被");
        var near = await DepotCalls.RegisterAsync(App, given.Bureau, "行军床库 1 km", Lat + (1 / 111.2), Lon, shared: true);
        var middle = await DepotCalls.RegisterAsync(App, given.Bureau, "棉被库 3 km", Lat + (3 / 111.2), Lon, shared: true);
        var far = await DepotCalls.RegisterAsync(App, given.Bureau, "行军床库 5 km", Lat + (5 / 111.2), Lon, shared: true);
        await StockCalls.StockAsync(App, near, beds, 10, "LOT-1");
        await StockCalls.StockAsync(App, middle, blankets, 10, "LOT-3");
        await StockCalls.StockAsync(App, far, beds, 10, "LOT-5");
        var token = App.Token("commander");
        var both = RequestCalls.Id(await RequestCalls.RequestedAsync(App, token, [RequestCalls.Line(beds, 4), RequestCalls.Line(blankets, 4)], Lat, Lon));
        var bedsHere = RequestCalls.Id(await RequestCalls.RequestedAsync(App, token, [RequestCalls.Line(beds, 4)], Lat, Lon));
        var bedsNorth = RequestCalls.Id(await RequestCalls.RequestedAsync(App, token, [RequestCalls.Line(beds, 4)], Lat + (6 / 111.2), Lon));

        var answers = await Task.WhenAll(new[] { both, bedsHere, bedsNorth }.Select(id => RequestCalls.ChangeAsync(App, RequestCalls.Allocate, new { requestId = id })));

        Assert.All(answers, a => Assert.Empty(a["errors"]!.AsArray()));
        Assert.Equal(new[] { (near, beds, 4), (middle, blankets, 4) }, RequestCalls.Allocations(answers[0]["request"]!).OrderBy(a => a.Item == beds ? 0 : 1));
        Assert.Equal(new[] { (near, beds, 4) }, RequestCalls.Allocations(answers[1]["request"]!));
        // Nearest to its own point, not to the others' (a scan shared only by requests at one point).
        Assert.Equal(new[] { (far, beds, 4) }, RequestCalls.Allocations(answers[2]["request"]!));
        Assert.All(answers, a => Assert.Empty(RequestCalls.Shortfalls(a["request"]!)));
    }

    /// <summary>A fresh item stocked in three new shared depots, 1, 3 and 5 km north of the delivery point (nearest first).</summary>
    private async Task<(string Item, IReadOnlyList<string> Depots)> ThreeDepotsAsync(string name, int each)
    {
        var item = await RequestCalls.NewItemAsync(App, name);
        var depots = new List<string>();
        foreach (var km in new[] { 1, 3, 5 })
        {
            var depot = await DepotCalls.RegisterAsync(App, given.Bureau, $"{name}库 {km} km", Lat + (km / 111.2), Lon, shared: true);
            await StockCalls.StockAsync(App, depot, item, each, $"LOT-{km}");
            depots.Add(depot);
        }

        return (item, depots);
    }

    private async Task<IReadOnlyList<string>> RequestAsync(string item, IReadOnlyList<int> quantities)
    {
        var token = App.Token("commander");
        var ids = new List<string>();
        foreach (var quantity in quantities)
        {
            ids.Add(RequestCalls.Id(await RequestCalls.RequestedAsync(App, token, [RequestCalls.Line(item, quantity)], Lat, Lon)));
        }

        return ids;
    }

    /// <summary>The requests' indexes in the order their allocations were committed (the store's sequence).</summary>
    private async Task<IReadOnlyList<int>> CommitOrderAsync(IReadOnlyList<string> requests)
    {
        var sequence = new List<(long Sequence, int Index)>();
        for (var i = 0; i < requests.Count; i++)
        {
            sequence.Add(((await StreamAsync(requests[i])).Single(e => e.Data is SupplyRequestAllocated).Sequence, i));
        }

        return sequence.Order().Select(s => s.Index).ToList();
    }

    /// <summary>How many transactions wrote the requests' allocation events (rows written by one transaction share its xmin).</summary>
    private async Task<long> TransactionsOfAllocationsAsync(IReadOnlyList<string> requests)
    {
        var sequences = new List<long>();
        foreach (var id in requests)
        {
            sequences.Add((await StreamAsync(id)).Single(e => e.Data is SupplyRequestAllocated).Sequence);
        }

        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(distinct xmin::text) from muster.mt_events where seq_id = any($1)", connection);
        command.Parameters.AddWithValue(sequences.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<IReadOnlyList<IEvent>> StreamAsync(string requestId)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(GlobalId.Of("SupplyRequest", requestId)!.Value);
    }

    private async Task<IReadOnlyList<object>> LedgerAsync(string depot, string itemCode)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(StockLineId.Of(GlobalId.Of("Depot", depot)!.Value, itemCode));
        return events.Select(e => e.Data).ToList();
    }

    private static async Task<int> WaitingOnLockAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'", connection);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
