using Muster.Infrastructure;

namespace Muster.Agencies;

/// <summary>
/// Who may see what belongs to an agency (its units, experts, requests): the bureau's roles see every agency's; a
/// partner only its own. Depots add the shared pool (<see cref="Depots.DepotVisibility"/>).
/// </summary>
public static class AgencyVisibility
{
    /// <summary>The one agency whose belongings the viewer may see, or null when it may see every agency's.</summary>
    public static Guid? OwnAgencyOnly(Actor viewer) =>
        viewer.Role == Role.Partner ? viewer.AgencyId ?? Guid.Empty : null;

    public static bool MaySee(Actor viewer, Guid agencyId) =>
        OwnAgencyOnly(viewer) is not { } own || own == agencyId;
}
