using JasperFx.Events;
using Muster.Incidents.Reporting;

namespace Muster.Drills;

/// <summary>
/// The isolated copies drills run in (the host implements it: a database per drill served by its own services). The
/// real store is never written through a world.
/// </summary>
public interface IDrillWorlds
{
    /// <summary>Copies the register and stock as they are now into a new world for <paramref name="drillId"/>, and reports the scenario's incident there.</summary>
    Task<DrillWorld> OpenAsync(Guid drillId, ReportIncident scenario, CancellationToken ct);

    /// <summary>The events the drill wrote in its world (those after <paramref name="copiedThrough"/>), in order.</summary>
    Task<IReadOnlyList<IEvent>> EventsAsync(Drill drill, CancellationToken ct);

    /// <summary>Stops the drill's services and drops its copy; nothing happens if it is gone already.</summary>
    Task DiscardAsync(Guid drillId, string database, CancellationToken ct);
}

/// <summary>A drill's world, ready: its database, where the copied history ends, and the scenario's incident in it.</summary>
public sealed record DrillWorld(string Database, long CopiedThrough, Guid IncidentId);

/// <summary>How many drills may run at once: each holds a database and a set of services.</summary>
public sealed class DrillOptions
{
    public const string Section = "Drills";

    public int MaxOpen { get; set; } = 4;

    /// <summary>
    /// How long a drill database no open drill owns and nobody uses must stay so before it is dropped as left behind
    /// (a drill being started owns its database, or uses it, within seconds).
    /// </summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromMinutes(1);
}
