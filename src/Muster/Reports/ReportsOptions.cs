using Muster.Incidents;

namespace Muster.Reports;

/// <summary>The <c>Reports</c> configuration section: time limits per response level, the issuing bureau, the PDF font.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    public ReportDeadlines Deadlines { get; set; } = new();

    /// <summary>How often the job looks for reports that fell due.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Who issues the reports, printed in their heading.</summary>
    public string Issuer { get; set; } = "霍州市应急管理局";

    /// <summary>The local time the reports are written in (China Standard Time).</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A TrueType font with CJK glyphs for the PDF; when unset, the first of the usual Debian paths that exists.</summary>
    public string? FontFile { get; set; }
}

/// <summary>Time limits per response level. Defaults: level III and above (I–III) 30 minutes by phone, 1 hour in writing.</summary>
public sealed class ReportDeadlines
{
    public LevelDeadlines I { get; set; } = new() { FollowUpEvery = TimeSpan.FromHours(12) };

    public LevelDeadlines II { get; set; } = new() { FollowUpEvery = TimeSpan.FromHours(12) };

    public LevelDeadlines III { get; set; } = new();

    /// <summary>一般 incidents: 1 hour by phone, 2 hours in writing.</summary>
    public LevelDeadlines IV { get; set; } = new() { InitialByPhone = TimeSpan.FromHours(1), InitialInWriting = TimeSpan.FromHours(2) };

    public LevelDeadlines For(ResponseLevel level) => level switch
    {
        ResponseLevel.I => I,
        ResponseLevel.II => II,
        ResponseLevel.III => III,
        _ => IV,
    };
}

/// <summary>The time limits of one level, each counted from the event named.</summary>
public sealed class LevelDeadlines
{
    /// <summary>From the incident's report: the first call to the superior (电话首报).</summary>
    public TimeSpan InitialByPhone { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>From the incident's report: the written initial report (书面首报), the one filed here.</summary>
    public TimeSpan InitialInWriting { get; set; } = TimeSpan.FromHours(1);

    /// <summary>While the incident is open: from the last report filed to the next follow-up (续报).</summary>
    public TimeSpan FollowUpEvery { get; set; } = TimeSpan.FromHours(24);

    /// <summary>From the incident's closing: the final report (终报).</summary>
    public TimeSpan FinalAfterClosing { get; set; } = TimeSpan.FromDays(7);
}
