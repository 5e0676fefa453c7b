using Muster.Infrastructure.Changes;
using Muster.Webhooks;

namespace Muster.Api.Webhooks;

/// <summary>
/// Fans the outbox out into deliveries and sends those due, every <see cref="WebhookOptions.PollInterval"/>, and at
/// once when a change is committed (the change feed wakes it). Safe on several instances over one database: both
/// steps claim their rows with SKIP LOCKED. A failing database only delays deliveries; the rows wait.
/// </summary>
public sealed partial class WebhookWorker(
    IServiceProvider services, ChangeFeed changes, WebhookOptions options, ILogger<WebhookWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = changes.Subscribe(System.Reactive.Observer.Create<ChangeNotice>(_ => Wake()));
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
                await _wake.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook round failed; its rows wait for the next round")]
    private partial void LogRoundFailed(Exception error);
}
