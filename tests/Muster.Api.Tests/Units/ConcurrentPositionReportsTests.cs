using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Units;

/// <summary>An AVL feed reporting many positions at once: every report is kept, none answered CONFLICT.</summary>
public sealed class ConcurrentPositionReportsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task Thirty_two_reports_in_flight_for_one_unit_are_all_accepted()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队");
        var unit = await UnitCalls.RegisterAsync(App, agency, "开元中队 水罐车", 36.5690, 111.7230);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);

        var payloads = (await Task.WhenAll(Enumerable.Range(0, 32).Select(async worker =>
        {
            var mine = new List<string?>();
            for (var i = 0; i < 3; i++)
            {
                var payload = await UnitCalls.ReportAsync(App, unit, 36.57 + worker * 0.001, 111.72 + i * 0.001, start.AddSeconds(worker * 3 + i));
                mine.Add(UnitCalls.ErrorCode(payload));
            }

            return mine;
        }))).SelectMany(c => c).ToList();

        Assert.Equal(96, payloads.Count(code => code is null));
    }

    [Fact]
    public async Task A_report_from_year_one_is_refused_naming_at_and_changes_nothing()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市红十字会", "RED_CROSS");
        var unit = await UnitCalls.RegisterAsync(App, agency, "红十字救护车", 36.5600, 111.7100);

        var payload = await UnitCalls.ReportAsync(App, unit, 36.60, 111.75, DateTimeOffset.MinValue);
        var node = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on RescueUnit { location { lat } } } }", new { id = unit }, App.Token("admin"));

        Assert.Equal("VALIDATION", UnitCalls.ErrorCode(payload));
        Assert.Equal("at", payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(36.56, node.Data!["node"]!["location"]!["lat"]!.GetValue<double>(), 3);
    }
}
