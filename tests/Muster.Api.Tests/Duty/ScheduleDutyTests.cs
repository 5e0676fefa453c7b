using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Duty;

public sealed class ScheduleDutyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_commander_schedules_a_shift_and_everyone_but_partners_sees_who_is_on_duty_then()
    {
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var id = await DutyCalls.ScheduleAsync(App, DutyCalls.Shift(start, TimeSpan.FromHours(24), leader: "值班领导乙", officer: "值班员丙"));

        var during = await App.PostAsync(DutyCalls.Now, new { at = DutyCalls.Iso(start.AddHours(23)) }, App.Token("logistics"));
        var before = await App.PostAsync(DutyCalls.Now, new { at = DutyCalls.Iso(start.AddMinutes(-1)) }, App.Token("admin"));
        var atTheEnd = await App.PostAsync(DutyCalls.Now, new { at = DutyCalls.Iso(start.AddHours(24)) }, App.Token("commander"));
        var partner = await App.PostAsync(DutyCalls.Now, new { at = DutyCalls.Iso(start.AddHours(1)) }, App.Token("partner", Guid.NewGuid()));
        var logisticsSchedules = await App.PostAsync(DutyCalls.Schedule, DutyCalls.Shift(start.AddDays(5), TimeSpan.FromHours(8)), App.Token("logistics"));

        var shift = during.Data!["dutyNow"]!;
        Assert.Equal((id, "值班领导乙", "值班员丙"),
            (shift["id"]!.GetValue<string>(), shift["leader"]!["name"]!.GetValue<string>(), shift["officers"]![0]!["name"]!.GetValue<string>()));
        Assert.Null(before.Data!["dutyNow"]);
        Assert.Null(atTheEnd.Data!["dutyNow"]);
        Assert.Contains("FORBIDDEN", partner.ErrorCodes);
        Assert.Contains("FORBIDDEN", logisticsSchedules.ErrorCodes);
    }

    [Theory]
    [InlineData("overlap", "startsAt")]
    [InlineData("backwards", "endsAt")]
    [InlineData("past", "endsAt")]
    [InlineData("no-leader", "leader")]
    [InlineData("bad-phone", "officers[0].phone")]
    [InlineData("no-officer", "officers")]
    public async Task A_bad_shift_is_refused_naming_the_field_and_nothing_is_written(string bad, string field)
    {
        var cases = new[] { "overlap", "backwards", "past", "no-leader", "bad-phone", "no-officer" };
        var start = DateTimeOffset.UtcNow.AddDays(10 + (5 * Array.IndexOf(cases, bad)));
        await DutyCalls.ScheduleAsync(App, DutyCalls.Shift(start, TimeSpan.FromHours(24)));
        var events = await App.EventCountAsync();
        object variables = bad switch
        {
            "overlap" => DutyCalls.Shift(start.AddHours(23), TimeSpan.FromHours(24)),
            "backwards" => DutyCalls.Shift(start.AddDays(1), TimeSpan.FromHours(-2)),
            "past" => DutyCalls.Shift(DateTimeOffset.UtcNow.AddDays(-2), TimeSpan.FromHours(24)),
            "no-leader" => new { input = new { officers = new[] { new { name = "值班员甲", phone = "0357-5550101" } }, startsAt = DutyCalls.Iso(start.AddDays(1)), endsAt = DutyCalls.Iso(start.AddDays(2)) } },
            "bad-phone" => new { input = new { leader = new { name = "值班领导甲", phone = "0357-5550001" }, officers = new[] { new { name = "值班员甲", phone = "call me" } }, startsAt = DutyCalls.Iso(start.AddDays(1)), endsAt = DutyCalls.Iso(start.AddDays(2)) } },
            _ => new { input = new { leader = new { name = "值班领导甲", phone = "0357-5550001" }, officers = Array.Empty<object>(), startsAt = DutyCalls.Iso(start.AddDays(1)), endsAt = DutyCalls.Iso(start.AddDays(2)) } },
        };

        var response = await App.PostAsync(DutyCalls.Schedule, variables, App.Token("admin"));

        var error = DutyCalls.FirstError(response, "scheduleDuty")!;
        Assert.Equal(("VALIDATION", field), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Null(response.Data!["scheduleDuty"]!["shift"]);
        Assert.Equal(events, await App.EventCountAsync());
    }
}
