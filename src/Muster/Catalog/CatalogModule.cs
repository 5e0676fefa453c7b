using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Catalog.Defining;

namespace Muster.Catalog;

public static class CatalogModule
{
    public static StoreOptions ConfigureCatalog(this StoreOptions options)
    {
        options.Projections.Add<ItemProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Item>().UniqueIndex(i => i.Code);
        return options;
    }

    public static IServiceCollection AddCatalog(this IServiceCollection services) =>
        services.AddScoped<DefineItemHandler>();
}
