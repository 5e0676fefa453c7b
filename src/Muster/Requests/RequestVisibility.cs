using Muster.Infrastructure;

namespace Muster.Requests;

/// <summary>Who may see supply requests, for a Marten query: the rule of <see cref="RequestRules.MaySee"/>.</summary>
public static class RequestVisibility
{
    public static IQueryable<SupplyRequest> VisibleTo(this IQueryable<SupplyRequest> requests, Actor viewer)
    {
        if (viewer.Role != Role.Partner)
        {
            return requests;
        }

        var own = viewer.AgencyId ?? Guid.Empty;
        return requests.Where(r => r.AgencyId == own);
    }
}
