using JasperFx.Events;
using Muster.Hazards;
using Muster.Hazards.ChangingRiskLevel;
using Muster.Hazards.Inspecting;
using Muster.Hazards.Rectifying;
using Muster.Hazards.Reporting;
using Muster.Infrastructure;
using static Muster.Tests.Hazards.Given;

namespace Muster.Tests.Hazards;

public sealed class HiddenDangerTests
{
    private static ReportHiddenDanger Report(DateTimeOffset deadline, string description = "粗苯储罐区可燃气体报警器超期未检定") =>
        new(Mine.Id, null, description, DangerSeverity.Major, deadline, "安全环保部部长（示例）戊", "照片 2 张");

    [Fact]
    public void Given_a_deadline_ahead_when_reporting_then_the_danger_is_open_in_the_sites_jurisdiction()
    {
        var reported = ReportHiddenDangerDecision.Decide(Mine, null, Report(Now.AddDays(7)), Guid.NewGuid(), XinzhiTownship, Now).Value!;

        Assert.Equal((Mine.Id, Xinzhi.Id, DangerSeverity.Major), (reported.SiteId, reported.JurisdictionId, reported.Severity));
    }

    [Fact]
    public void Given_a_deadline_in_the_past_when_reporting_then_the_deadline_is_refused() =>
        Assert.Equal("deadline", ErrorOf(ReportHiddenDangerDecision.Decide(Mine, null, Report(Now.AddMinutes(-1)), Guid.NewGuid(), Bureau, Now)).Field);

    [Fact]
    public void Given_a_blank_description_when_reporting_then_the_description_is_refused() =>
        Assert.Equal("description", ErrorOf(ReportHiddenDangerDecision.Decide(Mine, null, Report(Now.AddDays(1), "  "), Guid.NewGuid(), Bureau, Now)).Field);

    [Fact]
    public void Given_no_site_when_reporting_then_it_is_not_found_on_the_site() =>
        Assert.Equal((ErrorCodes.NotFound, "siteId"), Fields(ErrorOf(ReportHiddenDangerDecision.Decide(null, null, Report(Now.AddDays(1)), Guid.NewGuid(), Bureau, Now))));

    [Fact]
    public void Given_another_townships_site_when_reporting_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(ReportHiddenDangerDecision.Decide(Mine, null, Report(Now.AddDays(1)), Guid.NewGuid(), OtherPartner, Now)).Code);

    [Fact]
    public void Given_an_open_danger_when_rectified_before_the_deadline_then_it_is_rectified_on_time()
    {
        var rectified = RectifyHiddenDangerDecision.Decide(OpenDanger, new RectifyHiddenDanger(OpenDanger.Id, "备用泵检修完成，验收记录"), XinzhiTownship, Now).Value!;
        var after = HiddenDangerEvolution.Evolve(OpenDanger, rectified);

        Assert.True(rectified.OnTime);
        Assert.Equal((DangerStatus.Rectified, true), (after.Status, after.RectifiedOnTime));
    }

    [Fact]
    public void Given_an_overdue_danger_when_rectified_then_it_is_rectified_late()
    {
        var overdue = HiddenDangerEvolution.Evolve(OpenDanger, new RectificationWentOverdue(OpenDanger.Id, OpenDanger.Deadline, OpenDanger.Deadline.AddMinutes(1)));

        var rectified = RectifyHiddenDangerDecision.Decide(overdue, new RectifyHiddenDanger(OpenDanger.Id, "已整改"), Bureau, OpenDanger.Deadline.AddDays(1)).Value!;

        Assert.Equal(DangerStatus.Overdue, overdue.Status);
        Assert.False(rectified.OnTime);
    }

    [Fact]
    public void Given_a_rectified_danger_when_rectifying_again_then_it_is_an_invalid_state()
    {
        var done = HiddenDangerEvolution.Evolve(OpenDanger, new HiddenDangerRectified(OpenDanger.Id, "已整改", Now, true));

        Assert.Equal((ErrorCodes.InvalidState, "dangerId"),
            Fields(ErrorOf(RectifyHiddenDangerDecision.Decide(done, new RectifyHiddenDanger(OpenDanger.Id, "again"), Bureau, Now))));
    }

    [Fact]
    public void Given_blank_evidence_when_rectifying_then_the_evidence_is_refused() =>
        Assert.Equal("evidence", ErrorOf(RectifyHiddenDangerDecision.Decide(OpenDanger, new RectifyHiddenDanger(OpenDanger.Id, " "), Bureau, Now)).Field);

    [Fact]
    public void Given_a_rectified_danger_when_the_overdue_notice_comes_late_then_it_stays_rectified()
    {
        var done = HiddenDangerEvolution.Evolve(OpenDanger, new HiddenDangerRectified(OpenDanger.Id, "已整改", Now, true));

        Assert.Equal(DangerStatus.Rectified, HiddenDangerEvolution.Evolve(done, new RectificationWentOverdue(OpenDanger.Id, OpenDanger.Deadline, Now)).Status);
    }

    [Fact]
    public void Given_an_open_danger_past_its_deadline_when_read_then_it_reads_overdue_before_the_job_records_it() =>
        Assert.Equal((DangerStatus.Open, DangerStatus.Overdue), (OpenDanger.StatusAt(Now), OpenDanger.StatusAt(OpenDanger.Deadline.AddSeconds(1))));

    [Fact]
    public void Given_an_inspection_in_the_future_when_recording_then_the_time_is_refused() =>
        Assert.Equal("at", ErrorOf(RecordInspectionDecision.Decide(Mine, new RecordInspection(Mine.Id, Now.AddHours(1), "检查组", "正常"), Guid.NewGuid(), Bureau, Now)).Field);

    [Fact]
    public void Given_logistics_when_recording_an_inspection_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(RecordInspectionDecision.Decide(Mine, new RecordInspection(Mine.Id, Now, "检查组", "正常"), Guid.NewGuid(), Logistics, Now)).Code);

    [Fact]
    public void Given_a_red_site_when_graded_orange_then_the_change_keeps_both_grades_and_the_reason()
    {
        var changed = ChangeHazardSiteRiskLevelDecision.Decide(Mine, new ChangeHazardSiteRiskLevel(Mine.Id, RiskLevel.Orange, "瓦斯治理工程完工"), Bureau).Value!;

        Assert.Equal((RiskLevel.Red, RiskLevel.Orange), (changed.From, changed.To));
        Assert.Equal(RiskLevel.Orange, HazardSite.After(Mine, new Event<HazardSiteRiskLevelChanged>(changed))!.RiskLevel);
        Assert.Equal("riskLevel", ErrorOf(ChangeHazardSiteRiskLevelDecision.Decide(Mine, new ChangeHazardSiteRiskLevel(Mine.Id, RiskLevel.Red, "x"), Bureau)).Field);
    }

    private static (string, string?) Fields(DomainError error) => (error.Code, error.Field);
}
