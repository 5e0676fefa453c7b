using Muster.Incidents;
using Muster.Incidents.Grading;
using Muster.Incidents.Reporting;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Tests.Incidents;

public sealed class IncidentDecisionTests
{
    private static readonly Actor Commander = new("commander-li", Role.Commander, null);
    private static readonly GeoPoint Mine = new(36.62, 111.78);

    private static Incident Reported(ResponseLevel level = ResponseLevel.II) => IncidentEvolution.Create(
        ReportIncidentDecision.Decide(new ReportIncident(IncidentKind.MineGasExplosion, level, Mine, "  某煤矿瓦斯爆炸 ", null), Guid.NewGuid(), Commander).Value!,
        DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_report_names_who_reported_and_trims_the_title()
    {
        var incident = Reported();

        Assert.Equal(("某煤矿瓦斯爆炸", "commander-li", IncidentStatus.Reported), (incident.Title, incident.ReportedBy, incident.Status));
    }

    [Theory]
    [InlineData(123, 111.78, "", "location")]
    [InlineData(36.6, 111.78, "   ", "title")]
    public void A_report_with_a_bad_position_or_no_title_is_refused(double lat, double lon, string title, string field)
    {
        var report = ReportIncidentDecision.Decide(new ReportIncident(IncidentKind.Flood, ResponseLevel.IV, new GeoPoint(lat, lon), title, null), Guid.NewGuid(), Commander);

        Assert.Equal(("VALIDATION", field), (report.Errors[0].Code, report.Errors[0].Field));
    }

    [Fact]
    public void Escalating_records_from_and_to_with_the_reason()
    {
        var changed = ChangeIncidentLevelDecision.Decide(Reported(ResponseLevel.III), new ChangeIncidentLevel(Guid.NewGuid(), ResponseLevel.I, "被困人数增至 30 人"));

        Assert.Equal((ResponseLevel.III, ResponseLevel.I), (changed.Value!.From, changed.Value.To));
    }

    [Fact]
    public void The_same_level_again_or_a_closed_incident_cannot_be_regraded()
    {
        var incident = Reported();
        var closed = IncidentEvolution.Evolve(incident, new IncidentClosed(incident.Id, "处置完毕", [], []), DateTimeOffset.UnixEpoch);

        var same = ChangeIncidentLevelDecision.Decide(incident, new ChangeIncidentLevel(incident.Id, ResponseLevel.II, "复核"));
        var afterClose = ChangeIncidentLevelDecision.Decide(closed, new ChangeIncidentLevel(incident.Id, ResponseLevel.I, "复核"));

        Assert.Equal("INVALID_STATE", same.Errors.Single().Code);
        Assert.Equal("INVALID_STATE", afterClose.Errors.Single().Code);
    }
}
