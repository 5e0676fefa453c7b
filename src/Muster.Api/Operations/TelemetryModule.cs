using GraphQL.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Muster.Api.Operations;

/// <summary>
/// Structured logs always (JSON outside Development); OpenTelemetry traces and metrics for ASP.NET Core,
/// Npgsql and GraphQL execution when <c>Telemetry:Exporter</c> is <c>otlp</c> or <c>console</c> (off by default).
/// </summary>
public static class TelemetryModule
{
    public static WebApplicationBuilder AddMusterTelemetry(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json => json.UseUtcTimestamp = true);
        }

        var exporter = builder.Configuration["Telemetry:Exporter"]?.ToLowerInvariant() ?? "none";
        if (exporter == "none")
        {
            return builder;
        }

        var otlp = exporter == "otlp";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("muster"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddSource(GraphQLTelemetryProvider.SourceName);
                _ = otlp ? tracing.AddOtlpExporter() : tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter("Npgsql");
                _ = otlp ? metrics.AddOtlpExporter() : metrics.AddConsoleExporter();
            });
        return builder;
    }
}
