using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Duty.OpenItems;
using Muster.Hazards.Overdue;
using static Muster.Api.Tests.Hazards.HazardCalls;

namespace Muster.Api.Tests.Hazards;

/// <summary>A rectification deadline passes: the danger reads overdue, the job records it once, the duty desk hears of it, the handover lists it.</summary>
public sealed class OverdueRectificationTests(HazardCounty county) : IClassFixture<HazardCounty>
{
    private MusterApp App => county.App;

    [Fact]
    public async Task A_missed_deadline_is_raised_once_to_the_desk_listed_for_the_handover_and_a_late_rectification_says_so()
    {
        // Tokens are checked against the real clock: issue them before the service's clock moves.
        var commander = App.Token("commander");
        var admin = App.Token("admin");
        var bailong = county.Township(county.BailongGovernment);
        var xinzhi = county.Township(county.XinzhiGovernment);
        var site = await RegisterAsync(App, Mine("白龙镇 逾期测试矿"));
        var danger = await ReportAsync(App, site, county.Clock.GetUtcNow().AddHours(2), description: "主要通风机备用电源未接通");
        var later = await ReportAsync(App, site, county.Clock.GetUtcNow().AddDays(30), description: "井口安全警示标志缺失");
        using var scope = App.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<OverdueRectifications>();
        await using var desk = await GraphQLSocket.SubscribeListeningAsync(App, commander, "overdue",
            "subscription { rectificationOverdue { id status description site { name } } }");
        var notYet = await job.RunAsync(CancellationToken.None);

        county.Clock.Advance(TimeSpan.FromHours(3));
        var listed = await App.PostAsync(Overdue, null, commander);
        var first = await job.RunAsync(CancellationToken.None);
        var heard = await desk.ReceiveAsync();
        var second = await job.RunAsync(CancellationToken.None);
        var openItems = await scope.ServiceProvider.GetServices<IOpenItemSource>().OfType<OverdueRectificationItems>().Single().OpenAtAsync(county.Clock.GetUtcNow(), default);
        var seenByOwnTownship = await App.PostAsync(Overdue, null, bailong);
        var seenByOtherTownship = await App.PostAsync(Overdue, null, xinzhi);
        var rectified = await CallAsync(App, Rectify, new { dangerId = danger, evidence = "备用电源已接通，试运行正常" }, commander);
        var afterwards = await App.PostAsync(Overdue, null, commander);
        var trail = await App.PostAsync("query($of: ID!) { auditTrail(of: $of) { edges { node { eventType actor { subject } } } } }", new { of = danger }, admin);

        Assert.Equal(0, notYet);
        var overdue = Assert.Single(listed.Data!["overdueRectifications"]!.AsArray(), d => d!["id"]!.GetValue<string>() == danger)!;
        Assert.Equal("OVERDUE", overdue["status"]!.GetValue<string>());
        Assert.DoesNotContain(listed.Data!["overdueRectifications"]!.AsArray(), d => d!["id"]!.GetValue<string>() == later);
        // The scheduled run may beat the test's own run to it: either way the danger went overdue once.
        Assert.True(first <= 1);
        Assert.Equal(0, second);
        Assert.Single(trail.Data!["auditTrail"]!["edges"]!.AsArray(), e => e!["node"]!["eventType"]!.GetValue<string>() == "rectification_went_overdue"
            && e["node"]!["actor"]!["subject"]!.GetValue<string>() == "job:overdue-rectifications");
        var alarm = heard["payload"]!["data"]!["rectificationOverdue"]!;
        Assert.Equal((danger, "OVERDUE", "白龙镇 逾期测试矿"), (alarm["id"]!.GetValue<string>(), alarm["status"]!.GetValue<string>(), alarm["site"]!["name"]!.GetValue<string>()));
        Assert.Contains(openItems, i => i.Kind == OpenItemKind.RectificationOverdue && i.Summary.Contains("主要通风机备用电源未接通", StringComparison.Ordinal));
        Assert.Single(seenByOwnTownship.Data!["overdueRectifications"]!.AsArray());
        Assert.Empty(seenByOtherTownship.Data!["overdueRectifications"]!.AsArray());
        Assert.Equal(("RECTIFIED", false), (rectified["danger"]!["status"]!.GetValue<string>(), rectified["danger"]!["rectifiedOnTime"]!.GetValue<bool>()));
        Assert.Empty(afterwards.Data!["overdueRectifications"]!.AsArray());
        Assert.Null(await desk.TryReceiveAsync(TimeSpan.FromMilliseconds(300)));
    }
}
