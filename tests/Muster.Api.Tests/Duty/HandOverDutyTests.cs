using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Duty;

public sealed class HandOverDutyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task The_shift_on_duty_hands_over_its_open_items_once_and_the_next_shift_acknowledges_them()
    {
        var now = DateTimeOffset.UtcNow;
        var outgoing = await DutyCalls.ScheduleAsync(App, DutyCalls.Shift(now.AddHours(-2), TimeSpan.FromHours(24), leader: "值班领导甲", leaderLogin: "duty-leader-a"));
        var incoming = await DutyCalls.ScheduleAsync(App, DutyCalls.Shift(now.AddHours(22), TimeSpan.FromHours(24), leader: "值班领导乙", officer: "值班员乙", officerLogin: "duty-officer-b"));
        var incident = await DispatchCalls.ReportAsync(App, "MINE_FLOODING", "III", 36.57, 111.71, "某煤矿透水事故");
        var leaderA = App.Token("commander", (Guid?)null, "duty-leader-a");
        var officerB = App.Token("commander", (Guid?)null, "duty-officer-b");
        var stranger = App.Token("admin", (Guid?)null, "someone-not-on-duty");

        var beforeStranger = await App.EventCountAsync();
        var byStranger = await App.PostAsync(DutyCalls.HandOver, new { input = new { shiftId = outgoing } }, stranger);
        var afterStranger = await App.EventCountAsync();
        var earlyAcknowledgement = await App.PostAsync(DutyCalls.Acknowledge, new { input = new { shiftId = incoming } }, officerB);
        var handedOver = await App.PostAsync(DutyCalls.HandOver, new { input = new { shiftId = outgoing, notes = "透水事故救援仍在进行" } }, leaderA);
        var beforeTwice = await App.EventCountAsync();
        var twice = await App.PostAsync(DutyCalls.HandOver, new { input = new { shiftId = outgoing } }, leaderA);
        var ackByWrongShift = await App.PostAsync(DutyCalls.Acknowledge, new { input = new { shiftId = incoming } }, leaderA);
        var afterRefusals = await App.EventCountAsync();
        var acknowledged = await App.PostAsync(DutyCalls.Acknowledge, new { input = new { shiftId = incoming, notes = "已接班" } }, officerB);
        var log = await App.PostAsync("{ dutyLog(first: 3) { totalCount edges { node { kind by shift { id } } } } }", null, App.Token("logistics"));

        Assert.Contains("FORBIDDEN", byStranger.ErrorCodes);
        Assert.Contains("shift", byStranger.ErrorMessages.Single());
        Assert.Equal(beforeStranger, afterStranger);
        Assert.Equal(("INVALID_STATE", "shiftId"), Code(DutyCalls.FirstError(earlyAcknowledgement, "acknowledgeHandover")));

        var given = handedOver.Data!["handOverDuty"]!["shift"]!["handedOver"]!;
        Assert.Equal(("duty-leader-a", incoming, "透水事故救援仍在进行"),
            (given["by"]!.GetValue<string>(), given["toShiftId"]!.GetValue<string>(), given["notes"]!.GetValue<string>()));
        Assert.Contains(given["openItems"]!.AsArray(), item => item!["kind"]!.GetValue<string>() == "INCIDENT_OPEN"
            && item["subjectId"]!.GetValue<string>() == incident && item["summary"]!.GetValue<string>().Contains("某煤矿透水事故") && item["summary"]!.GetValue<string>().Contains("级（"));

        Assert.Equal(("INVALID_STATE", "shiftId"), Code(DutyCalls.FirstError(twice, "handOverDuty")));
        Assert.Contains("FORBIDDEN", ackByWrongShift.ErrorCodes);
        Assert.Equal(beforeTwice, afterRefusals);

        var received = acknowledged.Data!["acknowledgeHandover"]!["shift"]!["received"]!;
        Assert.Equal(("duty-leader-a", "duty-officer-b"), (received["by"]!.GetValue<string>(), received["acknowledgedBy"]!.GetValue<string>()));
        var kinds = log.Data!["dutyLog"]!["edges"]!.AsArray().Select(e => e!["node"]!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["ACKNOWLEDGED", "HANDED_OVER", "SCHEDULED"], kinds);
    }

    [Fact]
    public async Task A_shift_not_yet_on_duty_cannot_hand_over_and_an_unknown_shift_is_not_found()
    {
        var now = DateTimeOffset.UtcNow;
        var lonely = await DutyCalls.ScheduleAsync(App, DutyCalls.Shift(now.AddDays(30).AddHours(-1), TimeSpan.FromHours(24), leaderLogin: "duty-leader-z"));
        var leader = App.Token("commander", (Guid?)null, "duty-leader-z");

        var notYet = await App.PostAsync(DutyCalls.HandOver, new { input = new { shiftId = lonely } }, leader);
        var unknown = await App.PostAsync(DutyCalls.HandOver, new { input = new { shiftId = Ids.Unknown("DutyShift") } }, leader);

        var error = DutyCalls.FirstError(notYet, "handOverDuty")!;
        Assert.Equal(("INVALID_STATE", "shiftId"), Code(error));
        Assert.Contains("not on duty yet", error["message"]!.GetValue<string>());
        Assert.Equal(("NOT_FOUND", "shiftId"), Code(DutyCalls.FirstError(unknown, "handOverDuty")));
    }

    private static (string, string) Code(System.Text.Json.Nodes.JsonNode? error) =>
        (error!["code"]!.GetValue<string>(), error["field"]!.GetValue<string>());
}
