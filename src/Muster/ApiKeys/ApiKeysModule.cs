using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;

namespace Muster.ApiKeys;

public static class ApiKeysModule
{
    private static StoreOptions ConfigureApiKeys(this StoreOptions options)
    {
        options.Projections.Add<ApiKeyProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ApiKey>().UniqueIndex(k => k.SecretHash).Index(k => k.AgencyId);
        return options;
    }

    public static IServiceCollection AddApiKeys(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureApiKeys())
            .AddHandlers(typeof(ApiKeysModule))
            .AddScoped<ApiKeyLookup>();
}
