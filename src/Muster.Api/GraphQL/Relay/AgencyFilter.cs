using System.Linq.Expressions;
using GraphQL;

namespace Muster.Api.GraphQL.Relay;

/// <summary>The agency half of a list's filters, for documents that belong to an agency.</summary>
public static class AgencyFilter
{
    /// <summary>
    /// Narrows <paramref name="query"/> to what the viewer may see (a partner: its own agency's) and to the
    /// field's <c>agencyId</c> argument when one is given (an id that is not an agency's matches nothing).
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, IResolveFieldContext context, Expression<Func<T, Guid>> agencyOf)
    {
        var requested = context.GetArgument<string?>("agencyId") is { } id ? GlobalId.Of(GlobalId.Agency, id) ?? Guid.Empty : (Guid?)null;
        foreach (var agency in new[] { Visibility.OwnAgencyOnly(Visibility.Viewer(context)), requested }.OfType<Guid>())
        {
            query = query.Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(agencyOf.Body, Expression.Constant(agency)), agencyOf.Parameters));
        }

        return query;
    }
}
