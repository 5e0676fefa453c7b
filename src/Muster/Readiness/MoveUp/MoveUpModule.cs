using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Readiness.MoveUp;
using Muster.Readiness.MoveUp.Arriving;
using Quartz;

namespace Muster.Readiness;

/// <summary>Move-up: which available units to reposition to which posts, approving the moves, and their arrival.</summary>
public static class MoveUpModule
{
    public static IServiceCollection AddMoveUp(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MoveUpOptions.Section).Get<MoveUpOptions>() ?? new MoveUpOptions();
        services.AddSingleton(options);
        services.AddScoped<MovePosts>();
        services.AddReader<MoveUpAdvisor>();
        services.AddHandlers(typeof(MoveUpAdvisor));
        services.AddQuartz(quartz => quartz.ScheduleJob<MoveUpArrivals>(
            trigger => trigger.WithIdentity("move-up-arrivals", "readiness")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.ArrivalSweep).RepeatForever()),
            job => job.WithIdentity(MoveUpArrivals.Key)));
        return services;
    }
}
