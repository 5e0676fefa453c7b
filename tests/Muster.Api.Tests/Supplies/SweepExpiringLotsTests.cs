using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Supplies.Expiring;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

/// <summary>A depot with a catalog, in a service whose clock the test moves.</summary>
public sealed class DepotOnAMovableClock : AppFixture
{
    public MovableClock Clock { get; } = new();
    public string Depot { get; private set; } = "";

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);

    protected override bool TestsRunTheJobs => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var bureau = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
        Depot = await DepotCalls.RegisterAsync(App, bureau, "开元街储备库", 36.5690, 111.7230);
    }
}

public sealed class SweepExpiringLotsTests(DepotOnAMovableClock given) : IClassFixture<DepotOnAMovableClock>
{
    private MusterApp App => given.App;

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_sweep_warns_once_ahead_then_writes_off_the_unreserved_part_of_an_expired_lot_as_the_job_and_a_second_run_changes_nothing()
    {
        var item = await NewItemAsync(App, "医用口罩");
        await StockAsync(App, given.Depot, item, 30, "M-SOON", InDays(10));
        await StockAsync(App, given.Depot, item, 50, "M-LATE", InDays(200));
        // Reservations hold no particular lot: with 60 of 80 promised, 20 of the expired lot may go.
        await ReserveAsync(App, given.Depot, item, 60);

        var warned = await SweepAsync();
        var warnedAgain = await SweepAsync();
        given.Clock.Ahead = TimeSpan.FromDays(11);
        int expired, expiredAgain;
        try
        {
            expired = await SweepAsync();
            expiredAgain = await SweepAsync();
        }
        finally
        {
            given.Clock.Ahead = TimeSpan.Zero;
        }

        var ledger = (await LedgerAsync(App, given.Depot, item))!;
        var level = (await LevelsAsync(App, item, given.Depot))[0];
        Assert.Equal((1, 0, 1, 0), (warned, warnedAgain, expired, expiredAgain));
        Assert.Equal(["RECEIVED", "RECEIVED", "RESERVED", "EXPIRY_WARNED", "WRITTEN_OFF"], ledger.Select(e => e!["kind"]!.GetValue<string>()));
        var writeOff = ledger[^1]!;
        Assert.Equal(("M-SOON", -20, "EXPIRED", "job:expiry-sweep"),
            (writeOff["lot"]!.GetValue<string>(), Number(writeOff, "quantity"), writeOff["reason"]!.GetValue<string>(), writeOff["actor"]!["subject"]!.GetValue<string>()));
        Assert.Contains("expiry sweep", writeOff["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("M-SOON", "job:expiry-sweep"), (ledger[3]!["lot"]!.GetValue<string>(), ledger[3]!["actor"]!["subject"]!.GetValue<string>()));
        Assert.Equal((60, 60, 0), (Number(level, "onHand"), Number(level, "reserved"), Number(level, "available")));
    }

    [Fact]
    public async Task The_sweep_is_scheduled_as_a_clustered_quartz_job()
    {
        var scheduler = await App.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();

        var trigger = await scheduler.GetTrigger(new Quartz.TriggerKey("sweep-expiring-lots", "supplies"));

        Assert.Equal(SweepExpiringLots.Key, Assert.IsAssignableFrom<Quartz.ICronTrigger>(trigger).JobKey);
    }

    /// <summary>Runs the job as Quartz would, resolved from the service's container.</summary>
    private async Task<int> SweepAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SweepExpiringLots>().SweepAsync(CancellationToken.None);
    }
}
