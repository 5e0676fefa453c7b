using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;

namespace Muster.Offers;

public static class OffersModule
{
    private static StoreOptions ConfigureOffers(this StoreOptions options)
    {
        options.Projections.Add<OfferProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Offer>().Index(o => o.AgencyId).Index(o => o.OfferedAt);
        return options;
    }

    public static IServiceCollection AddOffers(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureOffers())
            .AddHandlers(typeof(OffersModule));
}
