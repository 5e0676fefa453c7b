using Muster.Experts;
using Muster.Infrastructure;

namespace Muster.Tests.Experts;

public sealed class OnCallHoursTests
{
    [Theory]
    [InlineData("08:00-20:00", 480, 1200, "08:00-20:00")]
    [InlineData("20:00-08:00", 1200, 480, "20:00-08:00")]
    [InlineData("00:00-24:00", 0, 1440, "00:00-24:00")]
    [InlineData("07:30 - 19:30", 450, 1170, "07:30-19:30")]
    public void Given_daily_hours_when_parsing_then_they_are_kept_as_minutes_and_written_back_the_same_way(string text, int from, int to, string written)
    {
        var result = OnCallHours.Parse(text);

        Assert.Equal(new OnCallHours(from, to), result.Value);
        Assert.Equal(written, result.Value!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("daily 8 to 8")]
    [InlineData("08:00")]
    [InlineData("8:30-17:45")]
    [InlineData("24:00-08:00")]
    [InlineData("08:00-24:30")]
    [InlineData("25:00-08:00")]
    [InlineData("08:60-09:00")]
    [InlineData("08:00-08:00")]
    [InlineData("00:00-00:00")]
    public void Given_anything_else_when_parsing_then_it_is_a_validation_error_on_onCall(string text)
    {
        var error = OnCallHours.Parse(text).Errors.Single();

        Assert.Equal((ErrorCodes.Validation, "onCall"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("08:00-20:00", "08:00", true)]
    [InlineData("08:00-20:00", "19:59", true)]
    [InlineData("08:00-20:00", "20:00", false)]
    [InlineData("08:00-20:00", "07:59", false)]
    [InlineData("20:00-08:00", "23:30", true)]
    [InlineData("20:00-08:00", "03:00", true)]
    [InlineData("20:00-08:00", "12:00", false)]
    [InlineData("00:00-24:00", "23:59", true)]
    public void Given_hours_when_asking_about_a_time_of_day_then_overnight_windows_wrap_midnight(string hours, string time, bool covered) =>
        Assert.Equal(covered, OnCallHours.Parse(hours).Value!.Covers(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
}
