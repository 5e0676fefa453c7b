using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Infrastructure.Changes;
using Npgsql;

namespace Muster.Api.Tests.Durability;

/// <summary>
/// The change feed after its connection is lost: what was committed meanwhile is replayed from the event store,
/// once, in commit order. (tests/faults restarts PostgreSQL itself under a graphql-ws subscriber.)
/// </summary>
public sealed class ChangeFeedReplayTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_replayed_change_is_the_notice_that_was_sent_live()
    {
        var feed = App.Services.GetRequiredService<ChangeFeed>();
        var heard = new Heard();
        using var subscription = feed.Subscribe(heard);
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市气象局 回放");
        var unit = await UnitCalls.RegisterAsync(App, agency, "回放 指挥车", 36.56, 111.71);
        await Eventually.HoldsAsync(() => heard.Streams.Contains(StreamOf(unit)), "the unit's notice arrived");

        var live = heard.Notices.Where(n => n.Stream == StreamOf(agency) || n.Stream == StreamOf(unit)).ToList();
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        var replayed = await ChangeReplay.AfterAsync(connection, "muster", live.Min(n => n.Seq) - 1, 100, CancellationToken.None);

        Assert.Equal(2, live.Count);
        Assert.All(live, n => Assert.True(n.Seq > 0));
        Assert.Equal(live.Select(Describe), replayed.Where(n => live.Any(l => l.Stream == n.Stream)).Select(Describe));
    }

    [Fact]
    public async Task Changes_committed_while_the_feed_reconnects_arrive_once_and_in_order()
    {
        var feed = App.Services.GetRequiredService<ChangeFeed>();
        var heard = new Heard();
        using var subscription = feed.Subscribe(heard);
        await Eventually.HoldsAsync(() => feed.IsListening, "the feed listens");

        // Every connection of the service to its database ends at once, as in a database restart.
        await using (var admin = new NpgsqlConnection(App.Database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()", admin);
            await terminate.ExecuteScalarAsync();
        }

        var registered = new List<Guid>();
        for (var i = 0; i < 15; i++)
        {
            registered.Add(StreamOf(await RegisterUntilAcknowledgedAsync($"重连 {i}")));
        }

        await Eventually.HoldsAsync(() => registered.All(heard.Streams.Contains), "every registered agency was heard", TimeSpan.FromSeconds(20));
        var order = heard.Notices.Select(n => n.Stream).Where(registered.Contains).ToList();
        Assert.Equal(registered, order);
    }

    /// <summary>Registers until the service answers with the agency: right after the cut, a request may still fail.</summary>
    private async Task<string> RegisterUntilAcknowledgedAsync(string name)
    {
        string? id = null;
        await Eventually.HoldsAsync(
            async () => (id = (await App.PostAsync(AgencyCalls.Register, new { input = new { name, kind = "OTHER" } }, App.Token("admin")))
                .Data?["registerAgency"]?["agency"]?["id"]?.GetValue<string>()) is not null,
            $"the service acknowledged registering {name}");
        return id!;
    }

    private static Guid StreamOf(string globalId) =>
        Guid.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId)).Split(':')[1]);

    private static string Describe(ChangeNotice n) => $"{n.Stream} {n.Kind} {n.Version} {string.Join(",", n.Events)} {n.Seq}";

    private sealed class Heard : IObserver<ChangeNotice>
    {
        private readonly ConcurrentQueue<ChangeNotice> _notices = new();

        public IReadOnlyList<ChangeNotice> Notices => _notices.ToList();

        public HashSet<Guid> Streams => _notices.Select(n => n.Stream).ToHashSet();

        public void OnNext(ChangeNotice value) => _notices.Enqueue(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
