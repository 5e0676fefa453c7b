using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Muster.Scheduling;

/// <summary>
/// Quartz with the clustered ADO job store in the service's own PostgreSQL database:
/// every replica runs a scheduler, and each trigger fires on exactly one of them.
/// </summary>
public static class SchedulingModule
{
    public const string SchedulerName = "Muster";

    /// <summary>How often each instance's scheduler tells the cluster it is alive.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(5);

    /// <summary>How late a check-in may be before the others take that instance for dead and recover its jobs.</summary>
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddScheduling(this IServiceCollection services, string connectionString)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = CheckinInterval;
                    cluster.CheckinMisfireThreshold = CheckinMisfireThreshold;
                });
                store.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
