using Muster.Spatial;

namespace Muster.Jurisdictions;

/// <summary>The levels of the supervision network: county (市/县), township or street office (乡镇街道), village or community (村社区).</summary>
public enum JurisdictionLevel
{
    County,
    Township,
    Village,
}

/// <summary>What the other capabilities need to know of a jurisdiction.</summary>
/// <param name="AgencyId">The agency that maintains it (a township's government); null when the bureau keeps it itself.</param>
public sealed record JurisdictionRef(Guid Id, string Name, JurisdictionLevel Level, Guid? ParentId, Guid? AgencyId);

/// <summary>
/// Where a place belongs and who maintains what: the question hazard sites, incidents and reports ask of the
/// supervision network (安全监管网络).
/// </summary>
public interface IJurisdictionDirectory
{
    /// <summary>The most specific jurisdiction containing the point (a village before its township before the county); null outside the county.</summary>
    Task<JurisdictionRef?> AtAsync(GeoPoint point, CancellationToken ct);

    Task<JurisdictionRef?> FindAsync(Guid jurisdictionId, CancellationToken ct);

    /// <summary>The jurisdictions an agency maintains: those naming it, with every one below them.</summary>
    Task<IReadOnlySet<Guid>> MaintainedByAsync(Guid agencyId, CancellationToken ct);
}
