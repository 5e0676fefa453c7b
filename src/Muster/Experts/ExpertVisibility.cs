using Muster.Agencies;
using Muster.Infrastructure;

namespace Muster.Experts;

/// <summary>Who may see an expert: the bureau's roles see all; a partner its own agency's experts only.</summary>
public static class ExpertVisibility
{
    public static bool MaySee(Actor viewer, Expert expert) => AgencyVisibility.MaySee(viewer, expert.AgencyId);

    /// <summary>The same rule as <see cref="MaySee"/>, for a Marten query.</summary>
    public static IQueryable<Expert> VisibleTo(this IQueryable<Expert> experts, Actor viewer) =>
        AgencyVisibility.OwnAgencyOnly(viewer) is { } own ? experts.Where(e => e.AgencyId == own) : experts;

    /// <summary>The same rule for SQL over the experts' tables: the one agency the viewer is confined to, or null for all.</summary>
    public static Guid? AgencyScope(Actor viewer) => AgencyVisibility.OwnAgencyOnly(viewer);
}
