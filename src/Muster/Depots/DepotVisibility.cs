using System.Linq.Expressions;
using Muster.Infrastructure;

namespace Muster.Depots;

/// <summary>
/// Who may see a depot: the bureau's roles (admin, commander, logistics) see all; a partner sees the shared
/// pool (shared and not closed) and its own agency's depots, never another agency's private ones.
/// </summary>
public static class DepotVisibility
{
    public static bool MaySee(Actor viewer, Depot depot) =>
        viewer.Role != Role.Partner || depot.AgencyId == (viewer.AgencyId ?? Guid.Empty) || (depot.Shared && !depot.Closed);

    /// <summary>The same rule as <see cref="MaySee"/>, for a Marten query.</summary>
    public static IQueryable<Depot> VisibleTo(this IQueryable<Depot> depots, Actor viewer) =>
        viewer.Role == Role.Partner ? depots.Where(PartnerFilter(viewer.AgencyId ?? Guid.Empty)) : depots;

    private static Expression<Func<Depot, bool>> PartnerFilter(Guid own) => d => d.AgencyId == own || (d.Shared && !d.Closed);
}
