using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Muster.Duty.OpenItems;
using Muster.Infrastructure;
using Muster.Reports.Deadlines;
using Muster.Reports.Drafting;
using Muster.Reports.Overdue;
using Quartz;

namespace Muster.Reports;

public static class ReportsModule
{
    private static StoreOptions ConfigureReports(this StoreOptions options)
    {
        options.Projections.Add<ReportLogProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ReportLog>().Index(l => l.IncidentId);
        return options;
    }

    /// <summary>Information reports: the report logs, the deadlines (section <c>Reports</c>), the overdue job and open items.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(options => options.ConfigureReports());
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section));
        services.AddSingleton(s => s.GetRequiredService<IOptions<ReportsOptions>>().Value);
        var interval = configuration.GetSection(ReportsOptions.Section).Get<ReportsOptions>()?.OverdueCheckInterval ?? new ReportsOptions().OverdueCheckInterval;
        services.AddHandlers(typeof(ReportsModule))
            .AddScoped<IncidentFactsReader>()
            .AddSingleton<ReportDueList>()
            .AddScoped<ReportOverdueFlagger>()
            .AddScoped<IOpenItemSource, OverdueReportItems>();
        services.AddQuartz(quartz => quartz.ScheduleJob<ReportOverdueFlagger>(
            trigger => trigger.WithIdentity("report-overdue", "reports")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(ReportOverdueFlagger.Key)));
        return services;
    }
}
