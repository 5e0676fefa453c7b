using Muster.Infrastructure;
using Muster.Jurisdictions;

namespace Muster.Hazards;

/// <summary>
/// Whose hazard ledger a caller sees and keeps. Admin and commanders keep all of it; logistics reads all of it; a
/// township (a partner whose agency maintains a jurisdiction) keeps and sees the sites, inspections and hidden dangers
/// of its own jurisdictions (and those below them) only; any other partner sees none. The one rule for GraphQL, OGC,
/// spreadsheets and the subscription.
/// </summary>
public sealed record HazardScope(bool Everywhere, IReadOnlySet<Guid> Jurisdictions, bool MayKeep)
{
    public static readonly DomainError KeptByOthers =
        new(ErrorCodes.Forbidden, "the hazard ledger is kept by admin, commanders, and a township for its own jurisdiction", "siteId");

    public static async Task<HazardScope> OfAsync(Actor actor, IJurisdictionDirectory directory, CancellationToken ct) => actor.Role switch
    {
        Role.Admin or Role.Commander => new HazardScope(true, new HashSet<Guid>(), true),
        Role.Logistics => new HazardScope(true, new HashSet<Guid>(), false),
        _ when actor.AgencyId is { } agency => Township(await directory.MaintainedByAsync(agency, ct)),
        _ => Township(new HashSet<Guid>()),
    };

    /// <summary>A township's scope: the jurisdictions its agency maintains (none: it sees nothing and keeps nothing).</summary>
    public static HazardScope Township(IReadOnlySet<Guid> jurisdictions) => new(false, jurisdictions, jurisdictions.Count > 0);

    public bool MaySee(Guid jurisdictionId) => Everywhere || Jurisdictions.Contains(jurisdictionId);

    public bool MayChange(Guid jurisdictionId) => MayKeep && MaySee(jurisdictionId);

    /// <summary>The jurisdictions to filter a query on, or null for all.</summary>
    public Guid[]? Filter => Everywhere ? null : [.. Jurisdictions];
}
