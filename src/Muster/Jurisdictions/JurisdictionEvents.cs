using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Jurisdictions;

/// <summary>
/// A jurisdiction joins the supervision network. <paramref name="Boundary"/> is a GeoJSON Polygon or MultiPolygon
/// (WGS84) when its boundary is known; otherwise <paramref name="Seat"/> (the seat of its government) is, and its
/// area is derived (<see cref="JurisdictionAreaDerived"/>). <paramref name="Population"/> is its resident population
/// when known (it weighs the seat as a place readiness must cover); events recorded before it existed read as null.
/// </summary>
public sealed record JurisdictionRegistered(
    Guid JurisdictionId, string Name, JurisdictionLevel Level, Guid? ParentId, Guid? AgencyId, string? Boundary, GeoPoint? Seat,
    int? Population = null)
    : IEventOf<Jurisdiction>;

/// <summary>
/// The approximate area of a jurisdiction known by its seat only, derived from its siblings' seats (a Voronoi cell
/// clipped to its parent), recorded whenever a sibling's seat or boundary changes it. GeoJSON; null when nothing is left.
/// </summary>
public sealed record JurisdictionAreaDerived(Guid JurisdictionId, string? Area) : IEventOf<Jurisdiction>;

/// <summary>The seat of the jurisdiction's government moved (or was first given).</summary>
public sealed record JurisdictionSeatMoved(Guid JurisdictionId, GeoPoint Seat) : IEventOf<Jurisdiction>;

/// <summary>Who answers for the jurisdiction (党委书记, 乡镇长, 安全分管…): the whole list, replacing the previous one.</summary>
public sealed record ResponsiblePersonsSet(Guid JurisdictionId, IReadOnlyList<ResponsiblePerson> Persons) : IEventOf<Jurisdiction>;

/// <summary>An enterprise (or a department) supervised in the jurisdiction enters its handbook, with its own responsible persons.</summary>
public sealed record EnterpriseRegistered(
    Guid JurisdictionId, Guid EnterpriseId, string Name, GeoPoint? Location, IReadOnlyList<ResponsiblePerson> Persons)
    : IEventOf<Jurisdiction>;

/// <summary>An enterprise's responsible persons (矿长, 安全副矿长…): the whole list, replacing the previous one.</summary>
public sealed record EnterprisePersonsSet(Guid JurisdictionId, Guid EnterpriseId, IReadOnlyList<ResponsiblePerson> Persons)
    : IEventOf<Jurisdiction>;
