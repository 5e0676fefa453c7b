using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Offers;

namespace Muster.Api.Offers;

/// <summary>Resource offers, newest first; a partner sees its own agency's, the city's own roles all.</summary>
public static class OfferQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<ResourceOfferType, EdgeType<ResourceOfferType>>>>("resourceOffers")
            .Description("Resource offers (EDXL-RM OfferUnsolicitedResource), newest first; a partner sees its own agency's offers, admin, commander and logistics every offer.")
            .Argument<ResourceOfferStatusType>("status")
            .Paged()
            .ResolveAsync(async context =>
                await Connections.ResolveAsync(context, Filtered(context).OrderByDescending(o => o.OfferedAt).ThenByDescending(o => o.Id)));

    private static IQueryable<Offer> Filtered(IResolveFieldContext context)
    {
        var viewer = Visibility.Viewer(context);
        IQueryable<Offer> offers = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Offer>();
        if (viewer.Role == Role.Partner)
        {
            // Without an agency, nothing is one's own.
            var agency = viewer.AgencyId ?? Guid.Empty;
            offers = offers.Where(o => o.AgencyId == agency);
        }

        if (context.GetArgument<OfferStatus?>("status") is { } status)
        {
            offers = offers.Where(o => o.Status == status);
        }

        return offers;
    }
}
