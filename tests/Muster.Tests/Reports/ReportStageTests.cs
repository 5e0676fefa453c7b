using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Reports;
using Muster.Reports.Deadlines;
using Muster.Reports.Drafting;
using Muster.Reports.Filing;
using Muster.Spatial;

namespace Muster.Tests.Reports;

/// <summary>The stages of an incident's reports and the deadlines that follow from them; pure.</summary>
public sealed class ReportStageTests
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private static readonly Actor Commander = new("duty-commander", Role.Commander, null);
    private static readonly ReportsOptions Options = new();

    private static readonly Incident Open = new(Guid.NewGuid(), IncidentKind.MineFlooding, ResponseLevel.III, "某煤矿透水", null, new GeoPoint(36.6, 111.7),
        IncidentStatus.Responding, "commander", Reported, null, [], [], [], null, null, Reported);

    private static readonly Incident Closed = Open with { Status = IncidentStatus.Closed, ClosedAt = Reported.AddDays(2), ClosedReason = "救援结束" };

    [Fact]
    public void Given_no_report_when_filing_a_follow_up_or_final_then_the_kind_is_refused()
    {
        Assert.Equal(("INVALID_STATE", "kind"), Refusal(Open, null, ReportKind.FollowUp));
        Assert.Equal(("INVALID_STATE", "kind"), Refusal(Closed, null, ReportKind.Final));
        Assert.True(File(Open, null, ReportKind.Initial).Succeeded);
    }

    [Fact]
    public void Given_an_initial_report_when_filing_another_initial_or_a_final_on_an_open_incident_then_the_kind_is_refused()
    {
        var log = Log(ReportKind.Initial);

        Assert.Equal(("INVALID_STATE", "kind"), Refusal(Open, log, ReportKind.Initial));
        Assert.Equal(("INVALID_STATE", "kind"), Refusal(Open, log, ReportKind.Final));
        Assert.Equal(2, File(Open, log, ReportKind.FollowUp).Value!.Report.Number);
    }

    [Fact]
    public void Given_a_closed_incident_when_filing_a_follow_up_then_it_is_refused_and_the_final_report_is_taken()
    {
        var log = Log(ReportKind.Initial);

        Assert.Equal(("INVALID_STATE", "kind"), Refusal(Closed, log, ReportKind.FollowUp));
        Assert.Equal(ReportKind.Final, File(Closed, log, ReportKind.Final).Value!.Report.Kind);
    }

    [Fact]
    public void Given_a_final_report_when_filing_anything_then_it_is_refused()
    {
        var log = Log(ReportKind.Initial, ReportKind.Final);

        Assert.All(Enum.GetValues<ReportKind>(), kind => Assert.Equal(("INVALID_STATE", "kind"), Refusal(Closed, log, kind)));
    }

    [Fact]
    public void Given_casualties_out_of_range_or_an_emptied_text_when_filing_then_the_field_is_named()
    {
        var command = new FileIncidentReport(Open.Id, ReportKind.Initial, new Casualties(0, 0, -2, 0), null, null, null);
        var blank = command with { Casualties = null, NextSteps = "  " };

        Assert.Equal("casualties.missing", FileIncidentReportDecision.Decide(Open, null, command, Draft(Open, null), Commander, Reported, Guid.NewGuid()).Errors[0].Field);
        Assert.Equal("nextSteps", FileIncidentReportDecision.Decide(Open, null, blank, Draft(Open, null), Commander, Reported, Guid.NewGuid()).Errors[0].Field);
    }

    [Fact]
    public void Given_the_stages_when_asking_what_is_due_then_initial_follow_up_and_final_follow_the_level_limits()
    {
        var initial = Assert.Single(ReportSchedule.Due(Open, null, Options.Deadlines));
        var filed = Log(ReportKind.Initial);
        var followUp = Assert.Single(ReportSchedule.Due(Open, filed, Options.Deadlines));
        var final = Assert.Single(ReportSchedule.Due(Closed, filed, Options.Deadlines));
        var level4 = Assert.Single(ReportSchedule.Due(Open with { Level = ResponseLevel.IV }, null, Options.Deadlines));

        Assert.Equal((ReportKind.Initial, Reported.AddHours(1), (DateTimeOffset?)Reported.AddMinutes(30)), (initial.Kind, initial.DueAt, initial.ByPhoneAt));
        Assert.Equal((ReportKind.FollowUp, filed.Latest!.FiledAt.AddHours(24)), (followUp.Kind, followUp.DueAt));
        Assert.Equal((ReportKind.Final, Closed.ClosedAt!.Value.AddDays(7)), (final.Kind, final.DueAt));
        Assert.Equal(Reported.AddHours(2), level4.DueAt);
        Assert.Empty(ReportSchedule.Due(Closed, Log(ReportKind.Initial, ReportKind.Final), Options.Deadlines));
    }

    private static Result<IncidentReportFiled> File(Incident incident, ReportLog? log, ReportKind kind) =>
        FileIncidentReportDecision.Decide(incident, log, new FileIncidentReport(incident.Id, kind, null, null, null, null), Draft(incident, log),
            Commander, Reported.AddMinutes(40), Guid.NewGuid());

    private static (string?, string?) Refusal(Incident incident, ReportLog? log, ReportKind kind) =>
        File(incident, log, kind).Errors is [var error, ..] ? (error.Code, error.Field) : (null, null);

    private static ReportContent Draft(Incident incident, ReportLog? log) =>
        ReportDrafting.Draft(new IncidentFacts(incident, [], [], [], [], [], null, log), ReportKind.Initial, null, Options);

    private static ReportLog Log(params ReportKind[] kinds) =>
        new(ReportLog.StreamOf(Open.Id), Open.Id,
            kinds.Select((k, i) => new IncidentReport(Guid.NewGuid(), Open.Id, k, i + 1, Draft(Open, null), "commander", Reported.AddHours(i + 1))).ToList(), []);
}
