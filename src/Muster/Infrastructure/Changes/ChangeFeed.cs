using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Muster.Infrastructure.Changes;

/// <summary>
/// Listens on <see cref="ChangeNotice.Channel"/> over one dedicated connection and hands each committed
/// change to the in-process subscribers, once. A dropped connection is replaced with back-off; once listening
/// again, the feed replays from the event store what was committed meanwhile (<see cref="ChangeReplay"/>), then
/// resumes live. Sequence numbers can commit out of order (concurrent transactions), so the replay starts a margin
/// before the last one delivered and skips what was delivered already. When too much was missed to replay, every
/// subscription is ended with <see cref="ChangesMissedException"/> so that its client subscribes again.
/// </summary>
public sealed partial class ChangeFeed(NpgsqlDataSource database, ILogger<ChangeFeed> logger)
    : BackgroundService, IObservable<ChangeNotice>
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>How long the connection may stay silent before a round trip checks that it still lives.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    /// <summary>How far before the last delivered sequence number a replay starts: room for transactions in flight.</summary>
    public const long ReplayMargin = 2_000;

    /// <summary>More changes than this missed, and subscriptions are ended rather than flooded.</summary>
    public const int MaxReplay = 20_000;

    private readonly ChangeSubscribers _subscribers = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid Stream, long Version), long> _delivered = [];
    private readonly Queue<(Guid Stream, long Version, long Seq)> _deliveredOrder = new();
    private long _lastSeq;
    private long _floor;
    private bool _started;
    private List<ChangeNotice>? _held;
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
                // The pool's idle connections died with this one (a restart ends them all): drop them now, so that
                // requests open fresh ones as soon as the database is back instead of failing on dead ones.
                database.Clear();
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
        lock (_gate)
        {
            _held = []; // live notices wait until what was missed is delivered, to keep commit order
        }

        connection.Notification += OnNotification;
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotice.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        // Read on another connection: the listening one stays idle in LISTEN (its notices wait in its buffer).
        await using (var reading = await database.OpenConnectionAsync(ct))
        {
            await ReadWhereToStartAsync(reading, ct);
        }

        lock (_gate)
        {
            foreach (var notice in _held ?? [])
            {
                Deliver(notice);
            }

            _held = null;
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

    /// <summary>On the first start, the sequence number from which on everything is new; after that, the catch-up.</summary>
    private async Task ReadWhereToStartAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (_started)
        {
            await CatchUpAsync(connection, ct);
            return;
        }

        var highest = await ChangeReplay.HighestAsync(connection, EventStoreModule.Schema, ct);
        lock (_gate)
        {
            (_floor, _lastSeq, _started) = (highest, Math.Max(_lastSeq, highest), true);
        }
    }

    /// <summary>Delivers what was committed since the last notice delivered (with a margin), or ends subscriptions.</summary>
    private async Task CatchUpAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        long from;
        lock (_gate)
        {
            from = Math.Max(_floor, _lastSeq - ReplayMargin);
        }

        var missed = await ChangeReplay.AfterAsync(connection, EventStoreModule.Schema, from, MaxReplay + 1, ct);
        if (missed.Count > MaxReplay)
        {
            var highest = await ChangeReplay.HighestAsync(connection, EventStoreModule.Schema, ct);
            lock (_gate)
            {
                (_floor, _lastSeq) = (highest, highest);
                _delivered.Clear();
                _deliveredOrder.Clear();
            }

            LogTooManyMissed(MaxReplay);
            _subscribers.Fail(
                new ChangesMissedException($"More than {MaxReplay} changes were committed while live updates were interrupted; subscribe again."),
                error => LogSubscriberFailed(error, "(ended)", Guid.Empty));
            return;
        }

        var replayed = 0;
        lock (_gate)
        {
            foreach (var notice in missed)
            {
                replayed += Deliver(notice) ? 1 : 0;
            }
        }

        LogReplayed(replayed, from);
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (ChangeNotice.Parse(e.Payload) is not { } notice)
        {
            LogUnreadable(e.Payload);
            return;
        }

        lock (_gate)
        {
            if (_held is not null)
            {
                _held.Add(notice);
            }
            else
            {
                Deliver(notice);
            }
        }
    }

    /// <summary>Hands a notice to the subscribers unless it was delivered already; call under <see cref="_gate"/>.</summary>
    private bool Deliver(ChangeNotice notice)
    {
        if (notice.Seq > 0)
        {
            if (!_delivered.TryAdd((notice.Stream, notice.Version), notice.Seq))
            {
                return false;
            }

            _deliveredOrder.Enqueue((notice.Stream, notice.Version, notice.Seq));
            _lastSeq = Math.Max(_lastSeq, notice.Seq);
            while (_deliveredOrder.TryPeek(out var old) && old.Seq < _lastSeq - ReplayMargin)
            {
                _deliveredOrder.Dequeue();
                _delivered.Remove((old.Stream, old.Version));
            }
        }

        _subscribers.Publish(notice, error => LogSubscriberFailed(error, notice.Kind, notice.Stream));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Change feed listening on {Channel}")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed lost its connection; listening again in {Delay}")]
    private partial void LogConnectionLost(Exception error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change feed replayed {Count} changes committed after sequence {From}")]
    private partial void LogReplayed(int count, long from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed missed more than {Max} changes; subscriptions are ended with CHANGES_MISSED")]
    private partial void LogTooManyMissed(int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed ignored an unreadable notification: {Payload}")]
    private partial void LogUnreadable(string payload);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change feed subscriber failed on {Kind} {Stream}")]
    private partial void LogSubscriberFailed(Exception error, string kind, Guid stream);
}
