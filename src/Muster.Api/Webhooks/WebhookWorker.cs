using Muster.Webhooks;

namespace Muster.Api.Webhooks;

/// <summary>
/// Fans the outbox out into deliveries and sends those due, every <see cref="WebhookOptions.PollInterval"/>. It polls
/// rather than listening to the change feed: the feed's subscribers are the live subscriptions, and a permanent one
/// would stand among them. Safe on several instances over one database: both steps claim their rows with SKIP LOCKED.
/// A failing database only delays deliveries; the rows wait.
/// </summary>
public sealed partial class WebhookWorker(IServiceProvider services, WebhookOptions options, ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var fanOut = services.GetRequiredService<WebhookFanOut>();
        var sender = services.GetRequiredService<WebhookSender>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await fanOut.RunAsync(stoppingToken) > 0)
                {
                }

                while (await sender.RunAsync(stoppingToken) >= options.BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database restarting or unreachable: nothing is lost, the rows wait for the next round.
                LogRoundFailed(e);
            }

            try
            {
                await Task.Delay(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook round failed; its rows wait for the next round")]
    private partial void LogRoundFailed(Exception error);
}
