using GraphQL.DI;
using GraphQL.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.IncludeScopes = true; // the request's TraceId and the GraphQL operation on every line
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(console => console.IncludeScopes = true);
        }

        // Marten logs every failed command as an error with its stack, lost races included, which the write paths
        // handle (retry or CONFLICT); a failure nobody handles is logged as a GraphQL error with its cause.
        builder.Logging.AddFilter("Marten.IDocumentStore", LogLevel.Critical);
        builder.Services.Configure<OperationLogOptions>(builder.Configuration.GetSection(OperationLogOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConfigureExecution, OperationLogging>();

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
