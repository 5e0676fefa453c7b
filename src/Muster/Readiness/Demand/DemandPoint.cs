using Muster.Spatial;

namespace Muster.Readiness;

/// <summary>A place that must be reached in time, and how much it matters.</summary>
public sealed record DemandPoint(string Id, string Name, DemandKind Kind, GeoPoint Location, double Weight);

public enum DemandKind { HazardSite, Township, Village, Given }

/// <summary>The places the city must cover: hazard sites (weighted by risk colour), township seats and villages (by population where known).</summary>
public interface IDemandPoints { Task<IReadOnlyList<DemandPoint>> AllAsync(CancellationToken ct); }
