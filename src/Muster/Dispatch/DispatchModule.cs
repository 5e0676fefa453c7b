using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Dispatch.Proposing;

namespace Muster.Dispatch;

public static class DispatchModule
{
    private static StoreOptions ConfigureDispatch(this StoreOptions options)
    {
        options.Projections.Add<DispatchProposalProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<DispatchProposal>().Index(p => p.IncidentId);
        return options;
    }

    public static IServiceCollection AddDispatch(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureDispatch())
            .AddScoped<DispatchCandidateFinder>()
            .AddHandlers(typeof(DispatchModule));
}
