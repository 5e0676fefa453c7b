using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Tests.Support;
using Muster.Duty.OpenItems;
using Muster.Reports.Overdue;

namespace Muster.Api.Tests.Reports;

/// <summary>A service whose clock the test moves, with level IV's written initial report due in 10 minutes (a setting).</summary>
public sealed class ReportsOnAMovableClock : AppFixture
{
    public MovableClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Reports:Deadlines:IV:InitialInWriting"] = "00:10:00",
    };

    protected override bool TestsRunTheJobs => true;

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class OverdueReportsTests(ReportsOnAMovableClock given) : IClassFixture<ReportsOnAMovableClock>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task A_late_report_is_listed_flagged_once_to_the_duty_desk_handed_over_and_cleared_by_filing_it()
    {
        // Tokens are checked against the real clock: issue them before the service's clock moves.
        var commander = App.Token("commander");
        var logistics = App.Token("logistics");
        var small = await DispatchCalls.ReportAsync(App, "TRAFFIC_ACCIDENT", "IV", 36.56, 111.71, "G108国道霍州段货车侧翻");
        var large = await DispatchCalls.ReportAsync(App, "BUILDING_FIRE", "III", 36.57, 111.72, "鼓楼街商住楼火灾");
        var smallDue = (await App.PostAsync(ReportCalls.Deadlines, new { id = small }, commander)).Data!["reportDeadlines"]!.AsArray().Single()!;
        var largeDue = (await App.PostAsync(ReportCalls.Deadlines, new { id = large }, commander)).Data!["reportDeadlines"]!.AsArray().Single()!;
        var reportedAt = await ReportedAtAsync(small, commander);
        var largeReportedAt = await ReportedAtAsync(large, commander);
        using var scope = App.Services.CreateScope();
        var flagger = scope.ServiceProvider.GetRequiredService<ReportOverdueFlagger>();
        Assert.Equal(0, await flagger.RunAsync(CancellationToken.None));
        await using var desk = await GraphQLSocket.SubscribeListeningAsync(App, logistics, "desk",
            "subscription { reportOverdue { incident { id title } kind dueAt flaggedAt overdue } }");

        given.Clock.Advance(TimeSpan.FromMinutes(11));
        var overdue = Overdue(await App.PostAsync(ReportCalls.Overdue, null, logistics));
        var flagged = await flagger.RunAsync(CancellationToken.None);
        var again = await flagger.RunAsync(CancellationToken.None);
        var heard = await desk.ReceiveAsync();
        var handedOver = await scope.ServiceProvider.GetServices<IOpenItemSource>().OfType<OverdueReportItems>().Single()
            .OpenAtAsync(given.Clock.GetUtcNow(), CancellationToken.None);
        var afterFlag = (await App.PostAsync(ReportCalls.Deadlines, new { id = small }, commander)).Data!["reportDeadlines"]!.AsArray().Single()!;
        Assert.Empty((await ReportCalls.FileAsync(App, small, "INITIAL", token: commander))["errors"]!.AsArray());
        var afterFiling = Overdue(await App.PostAsync(ReportCalls.Overdue, null, logistics));
        given.Clock.Advance(TimeSpan.FromHours(25));
        var nextDay = Overdue(await App.PostAsync(ReportCalls.Overdue, null, logistics));

        Assert.Equal(TimeSpan.FromMinutes(10), smallDue["dueAt"]!.GetValue<DateTimeOffset>() - reportedAt);
        Assert.Equal(TimeSpan.FromMinutes(60), largeDue["dueAt"]!.GetValue<DateTimeOffset>() - largeReportedAt);
        Assert.Equal(TimeSpan.FromMinutes(30), largeDue["dueByPhoneAt"]!.GetValue<DateTimeOffset>() - largeReportedAt);
        Assert.Equal([(small, "INITIAL")], overdue);
        Assert.Equal((1, 0), (flagged, again));
        Assert.Equal(("next", small, "INITIAL"), (heard["type"]!.GetValue<string>(),
            heard["payload"]!["data"]!["reportOverdue"]!["incident"]!["id"]!.GetValue<string>(), heard["payload"]!["data"]!["reportOverdue"]!["kind"]!.GetValue<string>()));
        var item = Assert.Single(handedOver);
        Assert.Equal((OpenItemKind.ReportOverdue, GlobalId.Of("Incident", small)), (item.Kind, (Guid?)item.SubjectId));
        Assert.Contains("G108国道霍州段货车侧翻", item.Summary);
        Assert.NotNull(afterFlag["flaggedAt"]);
        Assert.Empty(afterFiling);
        Assert.Equal([(small, "FOLLOW_UP"), (large, "INITIAL")], nextDay.OrderBy(o => o.Kind == "INITIAL"));
    }

    private static List<(string Incident, string Kind)> Overdue(GraphQLResponse response) =>
        response.Data!["overdueReports"]!.AsArray().Select(o => (o!["incident"]!["id"]!.GetValue<string>(), o["kind"]!.GetValue<string>())).ToList();

    private async Task<DateTimeOffset> ReportedAtAsync(string incident, string token) =>
        (await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { reportedAt } } }", new { id = incident }, token))
            .Data!["node"]!["reportedAt"]!.GetValue<DateTimeOffset>();
}
