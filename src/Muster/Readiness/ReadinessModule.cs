using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Readiness.Demand;

namespace Muster.Readiness;

/// <summary>Readiness: the places the city must cover, and how well the available units cover them.</summary>
public static class ReadinessModule
{
    public static IServiceCollection AddReadiness(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DemandWeights.Section).Get<DemandWeights>() ?? new DemandWeights());
        services.AddScoped<IDemandPoints, DemandPoints>();
        services.AddHandlers(typeof(ReadinessModule));
        return services;
    }
}
