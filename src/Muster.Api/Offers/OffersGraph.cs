using Muster.Api.GraphQL;

namespace Muster.Api.Offers;

public static class OffersGraph
{
    /// <summary>resourceOffers, acceptResourceOffer and declineResourceOffer; offers arrive through EDXL-RM.</summary>
    public static IServiceCollection AddOffersGraph(this IServiceCollection services) => services
        .AddQueryFields(220, OfferQueries.AddTo)
        .AddMutationFields(170, OfferMutations.AddTo);
}
