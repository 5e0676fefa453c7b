namespace Muster.Duty.OpenItems;

/// <summary>What a shift hands over unfinished.</summary>
public enum OpenItemKind
{
    IncidentOpen,
    RequestInTransit,
    ReportOverdue,
    RectificationOverdue,

    /// <summary>A plan's drill fell due (the drill reminder): start it with <c>startDrill</c>.</summary>
    DrillDue,

    /// <summary>A drill is running on its copy: end it with <c>endDrill</c>.</summary>
    DrillRunning,
}

/// <summary>One unfinished matter the next shift must know of; <paramref name="Due"/> when a deadline applies.</summary>
public sealed record OpenItem(OpenItemKind Kind, Guid SubjectId, string Summary, DateTimeOffset? Due);

/// <summary>
/// One capability's unfinished matters at a moment. Each capability registers its own source
/// (<c>services.AddScoped&lt;IOpenItemSource, …&gt;()</c>); a handover lists them all.
/// </summary>
public interface IOpenItemSource
{
    Task<IReadOnlyList<OpenItem>> OpenAtAsync(DateTimeOffset at, CancellationToken ct);
}
