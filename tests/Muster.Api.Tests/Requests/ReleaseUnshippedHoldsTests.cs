using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Requests.HoldTimeout;

namespace Muster.Api.Tests.Requests;

public sealed class ReleaseUnshippedHoldsTests : IAsyncLifetime
{
    private readonly MovableClock _clock = new();
    private TestDatabase? _database;
    private MusterApp? _app;
    private string _redCross = "", _depot = "";

    private MusterApp App => _app!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new MusterApp(_database, settings: new Dictionary<string, string?> { ["Supplies:HoldTimeout"] = "2.00:00:00" },
            services: s => s.AddSingleton<TimeProvider>(_clock));
        _redCross = await AgencyCalls.RegisterAsync(App, "霍州市红十字会", "RED_CROSS");
        _depot = await DepotCalls.RegisterAsync(App, _redCross, "红十字会备灾仓库", 36.56, 111.71);
    }

    public async Task DisposeAsync()
    {
        await _app!.DisposeAsync();
        await _database!.DisposeAsync();
    }

    [Fact]
    public async Task An_allocation_not_shipped_within_the_hold_time_is_released_once_and_the_request_is_approved_again()
    {
        var partner = App.Token("partner", _redCross);
        var admin = App.Token("admin");
        var logistics = App.Token("logistics");
        var stretcher = await RequestCalls.NewItemAsync(App, "担架");
        await StockCalls.StockAsync(App, _depot, stretcher, 10, "ST-1");
        var held = RequestCalls.Id(await RequestCalls.RequestedAsync(App, partner, [RequestCalls.Line(stretcher, 6)]));
        await RequestCalls.AllocatedAsync(App, held);
        var fresh = RequestCalls.Id(await RequestCalls.RequestedAsync(App, partner, [RequestCalls.Line(stretcher, 4)]));

        // Tokens are checked against the real clock: the ones used from here on were issued before it moved.
        _clock.Advance(TimeSpan.FromHours(47));
        await RequestCalls.ChangedAsync(App, RequestCalls.Allocate, new { requestId = fresh }, logistics);

        _clock.Advance(TimeSpan.FromHours(2));
        await RunJobAsync();
        await RunJobAsync();

        var released = (await RequestCalls.NodeAsync(App, held, logistics))!;
        Assert.Equal("APPROVED", RequestCalls.Status(released));
        Assert.Empty(released["allocations"]!.AsArray());
        Assert.Equal("ALLOCATED", RequestCalls.Status((await RequestCalls.NodeAsync(App, fresh, logistics))!));
        Assert.Equal((10, 4, 6), await LevelAsync(logistics, stretcher));
        var trail = await App.PostAsync("query($of: ID!) { auditTrail(of: $of, last: 1) { edges { node { eventType actor { subject } } } } }", new { of = held }, admin);
        var last = trail.Data!["auditTrail"]!["edges"]![0]!["node"]!;
        Assert.Equal(("allocation_hold_expired", "job:hold-timeout"), (last["eventType"]!.GetValue<string>(), last["actor"]!["subject"]!.GetValue<string>()));
    }

    private async Task RunJobAsync()
    {
        using var scope = App.Services.CreateScope();
        var job = ActivatorUtilities.CreateInstance<ReleaseUnshippedHolds>(scope.ServiceProvider);
        await job.Execute(null!, CancellationToken.None);
    }

    private async Task<(int, int, int)> LevelAsync(string token, string item)
    {
        var level = Assert.Single(await StockCalls.LevelsAsync(App, item, _depot, token))!;
        return (level["onHand"]!.GetValue<int>(), level["reserved"]!.GetValue<int>(), level["available"]!.GetValue<int>());
    }
}
