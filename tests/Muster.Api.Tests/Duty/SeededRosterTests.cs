using Muster.Api.Tests.Seeding;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Duty;

[Collection(SeededCity.Collection)]
public sealed class SeededRosterTests(SeededCity city)
{
    private MusterApp App => city.App;

    [Fact]
    public async Task The_demo_roster_has_someone_of_the_bureau_on_duty_now_and_a_24_hour_shift_from_08_30_each_day_of_the_week()
    {
        var now = await App.PostAsync("{ dutyNow { leader { name phone } officers { name login } startsAt endsAt mine } }", null, App.Token("commander", (Guid?)null, "console-commander"));
        var week = await App.PostAsync("{ dutyShifts { startsAt endsAt } rosterGaps(until: null) { from } }", null, App.Token("logistics"));

        var shift = now.Data!["dutyNow"]!;
        Assert.StartsWith("值班领导", shift["leader"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(shift["mine"]!.GetValue<bool>()); // the console's demo commander stands every demo shift
        var starts = week.Data!["dutyShifts"]!.AsArray().Select(s => DateTimeOffset.Parse(s!["startsAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(starts.Count >= 7);
        Assert.All(starts, s => Assert.Equal(new TimeSpan(0, 30, 0), s.ToOffset(TimeSpan.FromHours(8)).TimeOfDay - TimeSpan.FromHours(8)));
    }
}
