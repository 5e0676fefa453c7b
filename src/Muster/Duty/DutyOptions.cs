namespace Muster.Duty;

/// <summary>The roster's settings (section <c>Duty</c>).</summary>
public sealed class DutyOptions
{
    public const string Section = "Duty";

    /// <summary>How long before a shift ends its people are reminded to hand over.</summary>
    public int HandoverReminderMinutes { get; set; } = 30;

    /// <summary>How far ahead a stretch nobody is on duty for is reported.</summary>
    public int GapHorizonHours { get; set; } = 72;

    /// <summary>How long after its end a shift may still hand over (the next shift may arrive a little late).</summary>
    public int HandoverGraceMinutes { get; set; } = 120;

    /// <summary>How often the watch looks (reminders and gaps).</summary>
    public int WatchIntervalMinutes { get; set; } = 5;

    /// <summary>The bureau's time zone: roster sheets and the demo roster's 08:30 are in it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public TimeSpan ReminderLead => TimeSpan.FromMinutes(HandoverReminderMinutes);
    public TimeSpan GapHorizon => TimeSpan.FromHours(GapHorizonHours);
    public TimeSpan HandoverGrace => TimeSpan.FromMinutes(HandoverGraceMinutes);
}
