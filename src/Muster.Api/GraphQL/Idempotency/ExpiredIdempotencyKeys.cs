using Microsoft.Extensions.Options;

namespace Muster.Api.GraphQL.Idempotency;

/// <summary>Deletes expired idempotency keys now and then, on every instance (the delete is harmless to repeat).</summary>
public sealed partial class ExpiredIdempotencyKeys(
    IdempotencyKeys keys, IOptions<IdempotencyOptions> options, TimeProvider time, ILogger<ExpiredIdempotencyKeys> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await keys.DeleteExpiredAsync(options.Value.KeepFor, stoppingToken);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
                {
                    LogCleanupFailed(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleting expired idempotency keys failed; trying again later")]
    private partial void LogCleanupFailed(Exception error);
}
