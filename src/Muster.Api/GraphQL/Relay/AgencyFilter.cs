using System.Linq.Expressions;
using GraphQL;

namespace Muster.Api.GraphQL.Relay;

/// <summary>The <c>agencyId</c> argument of a list of documents that belong to an agency.</summary>
public static class AgencyFilter
{
    /// <summary>
    /// Narrows <paramref name="query"/> to the field's <c>agencyId</c> argument when one is given (an id that is not an
    /// agency's matches nothing). What the viewer may see at all is the domain's rule, applied before.
    /// </summary>
    public static IQueryable<T> OfRequestedAgency<T>(this IQueryable<T> query, IResolveFieldContext context, Expression<Func<T, Guid>> agencyOf)
    {
        if (context.GetArgument<string?>("agencyId") is not { } id)
        {
            return query;
        }

        var agency = GlobalId.Of(GlobalId.Agency, id) ?? Guid.Empty;
        return query.Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(agencyOf.Body, Expression.Constant(agency)), agencyOf.Parameters));
    }
}
