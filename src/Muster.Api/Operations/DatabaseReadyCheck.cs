using Microsoft.Extensions.Diagnostics.HealthChecks;
using Muster.Infrastructure;
using Npgsql;

namespace Muster.Api.Operations;

/// <summary>Ready when the database answers and the event store's schema has been applied.</summary>
public sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                $"select to_regclass('{EventStoreModule.Schema}.mt_events') is not null, postgis_lib_version()");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return reader.GetBoolean(0)
                ? HealthCheckResult.Healthy($"event store schema applied; PostGIS {reader.GetString(1)}")
                : HealthCheckResult.Unhealthy("the event store schema has not been applied yet");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
