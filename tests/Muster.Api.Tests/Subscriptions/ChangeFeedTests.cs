using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Agencies;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Tests.Support;
using Muster.Infrastructure.Changes;
using Npgsql;

namespace Muster.Api.Tests.Subscriptions;

/// <summary>The change feed hears committed appends only, with what a subscriber needs to reload the stream.</summary>
public sealed class ChangeFeedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private MusterApp App => fixture.App;
    private ChangeFeed Feed => App.Services.GetRequiredService<ChangeFeed>();
    private IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task A_registration_notifies_its_stream_kind_version_and_event_type()
    {
        using var notices = new ChangeNotices(Feed);

        var id = await RegisterAsync("霍州市应急管理局");

        var notice = await notices.NextForAsync(id);
        Assert.Equal("Agency", notice.Kind);
        Assert.Equal(1, notice.Version);
        Assert.Equal(["agency_registered"], notice.Events);
    }

    [Fact]
    public async Task A_write_that_loses_a_concurrency_race_notifies_no_one()
    {
        // Listen before registering, so the registration's own notice cannot arrive late and be taken for the race's.
        using var notices = new ChangeNotices(Feed);
        var id = await RegisterAsync("霍州市人民医院急救中心");
        Assert.Equal(1L, (await notices.NextForAsync(id)).Version);
        await using var winner = Store.LightweightSession();
        await using var loser = Store.LightweightSession();
        var won = await winner.Events.FetchForWriting<Agency>(id);
        var lost = await loser.Events.FetchForWriting<Agency>(id);

        won.AppendOne(new ProbeNoted("first"));
        await winner.SaveChangesAsync();
        lost.AppendOne(new ProbeNoted("second"));
        await Assert.ThrowsAnyAsync<ConcurrencyException>(() => loser.SaveChangesAsync());

        var notice = await notices.NextForAsync(id);
        Assert.Equal((2L, "Agency"), (notice.Version, notice.Kind));
        Assert.Equal(["probe_noted"], notice.Events);
        Assert.Null(await notices.NextForAsync(id, Quiet));
    }

    [Fact]
    public async Task Appends_that_do_not_name_their_aggregate_are_named_by_their_streams()
    {
        var agency = await RegisterAsync("霍州市白龙镇人民政府");
        var probe = Guid.CreateVersion7();
        await using (var start = Store.LightweightSession())
        {
            start.Events.StartStream<ProbeTarget>(probe, new ProbeNoted("started"));
            await start.SaveChangesAsync();
        }

        using var notices = new ChangeNotices(Feed);
        await using var session = Store.LightweightSession();
        session.Events.Append(agency, new ProbeNoted("a"), new ProbeNoted("b"));
        session.Events.Append(probe, new ProbeNoted("c"));
        await session.SaveChangesAsync();

        var ofAgency = await notices.NextForAsync(agency);
        var ofProbe = await notices.NextForAsync(probe);
        Assert.Equal((3L, "Agency"), (ofAgency.Version, ofAgency.Kind));
        Assert.Equal(["probe_noted"], ofAgency.Events);
        Assert.Equal((2L, nameof(ProbeTarget)), (ofProbe.Version, ofProbe.Kind));
    }

    [Fact]
    public async Task The_feed_listens_again_after_its_connection_is_dropped()
    {
        var killed = await TerminateListenersAsync();
        Assert.NotEmpty(killed);
        await Eventually.HoldsAsync(async () => (await ListenerPidsAsync()).Except(killed).Any(), "a new LISTEN connection");
        using var notices = new ChangeNotices(Feed);

        var id = await RegisterAsync("霍州市开元街道办事处");

        Assert.Equal(1, (await notices.NextForAsync(id)).Version);
    }

    private async Task<Guid> RegisterAsync(string name)
    {
        var globalId = await AgencyCalls.RegisterAsync(App, name, "OTHER");
        Assert.True(GlobalId.TryDecode(globalId, out _, out var id));
        return id;
    }

    private async Task<List<int>> ListenerPidsAsync()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query IN ('LISTEN muster_changes', 'SELECT 1')",
            connection);
        await using var reader = await query.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    private async Task<List<int>> TerminateListenersAsync()
    {
        var pids = await ListenerPidsAsync();
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var pid in pids)
        {
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", connection);
            await kill.ExecuteScalarAsync();
        }

        return pids;
    }

    public sealed record ProbeNoted(string What);

    /// <summary>An aggregate of two words, whose stream type Marten stores as probe_target.</summary>
    public sealed record ProbeTarget(Guid Id);
}
