using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Muster.Infrastructure.Changes;

/// <summary>
/// Listens on <see cref="ChangeNotice.Channel"/> over one dedicated connection and hands each committed
/// change to the in-process subscribers. A dropped connection is replaced with back-off; changes
/// committed while no connection listens are not replayed.
/// </summary>
public sealed partial class ChangeFeed(NpgsqlDataSource database, ILogger<ChangeFeed> logger)
    : BackgroundService, IObservable<ChangeNotice>
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <summary>How long the connection may stay silent before a round trip checks that it still lives.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    private readonly ChangeSubscribers _subscribers = new();
    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while the dedicated connection listens; live updates may be missed while it is false.</summary>
    public bool IsListening { get; private set; }

    /// <summary>How many in-process subscribers listen now.</summary>
    public int SubscriberCount => _subscribers.Count;

    public IDisposable Subscribe(IObserver<ChangeNotice> observer) => _subscribers.Add(observer);

    /// <summary>Starts the service only once it listens (or gave up waiting), so that early subscribers miss nothing.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(_firstListen.Task, Task.Delay(StartupWait, cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever broke the connection, the feed must outlive it: live updates depend on it.
                IsListening = false;
                var delay = Backoff[Math.Min(failures++, Backoff.Length - 1)];
                LogConnectionLost(e, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(Action listening, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        connection.Notification += OnNotification;
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotice.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        listening();
        IsListening = true;
        _firstListen.TrySetResult();
        LogListening(ChangeNotice.Channel);
        while (true)
        {
            if (!await connection.WaitAsync(Heartbeat, ct))
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(ct);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (ChangeNotice.Parse(e.Payload) is not { } notice)
        {
            LogUnreadable(e.Payload);
            return;
        }

        _subscribers.Publish(notice, error => LogSubscriberFailed(error, notice.Kind, notice.Stream));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Change feed listening on {Channel}")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed lost its connection; listening again in {Delay}")]
    private partial void LogConnectionLost(Exception error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed ignored an unreadable notification: {Payload}")]
    private partial void LogUnreadable(string payload);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change feed subscriber failed on {Kind} {Stream}")]
    private partial void LogSubscriberFailed(Exception error, string kind, Guid stream);
}
