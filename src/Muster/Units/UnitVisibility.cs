using Muster.Agencies;
using Muster.Infrastructure;

namespace Muster.Units;

/// <summary>Who may see a rescue unit: the bureau's roles see all; a partner its own agency's units only.</summary>
public static class UnitVisibility
{
    public static bool MaySee(Actor viewer, RescueUnit unit) => AgencyVisibility.MaySee(viewer, unit.AgencyId);

    /// <summary>The same rule as <see cref="MaySee"/>, for a Marten query.</summary>
    public static IQueryable<RescueUnit> VisibleTo(this IQueryable<RescueUnit> units, Actor viewer) =>
        AgencyVisibility.OwnAgencyOnly(viewer) is { } own ? units.Where(u => u.AgencyId == own) : units;

    /// <summary>The same rule for SQL over the units' tables: the one agency the viewer is confined to, or null for all.</summary>
    public static Guid? AgencyScope(Actor viewer) => AgencyVisibility.OwnAgencyOnly(viewer);
}
