using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Logging;
using Muster.Infrastructure;
using Muster.Infrastructure.Idempotency;
using Muster.Infrastructure.Writing;

namespace Muster.Requests.Allocating;

/// <summary>
/// Group commit of allocations: one allocator per service instance takes the allocations that callers queue while the
/// previous batch commits, and writes them in one transaction (<see cref="AllocationBatch"/>): the stock lines locked
/// once, each allocation decided in arrival order, every allocation's events appended, one commit, each caller answered
/// what it would have been answered alone. A batch is a run of queued allocations by one actor (the events name who
/// acted), at most <see cref="RequestsOptions.MaxAllocationBatch"/>.
/// <para>
/// Callers a batch answered tend to come back together, a moment apart (a crowd of allocators, a partner's system
/// sending one request after another): the allocator waits, at most <see cref="RequestsOptions.AllocationGathering"/>,
/// until as many are queued as it just answered plus those that were already waiting, instead of committing the first
/// few alone and making the rest wait a whole batch behind them. A caller alone (the last batch was one) never waits.
/// </para>
/// <para>
/// When the batch loses a race as a whole (a request changed by another writer meanwhile, a check refusing the
/// result), nothing of it was written, and each of its allocations runs again alone, as a single allocation would
/// (a lost race decided again, then CONFLICT). When the database goes away before the batch starts to commit, nothing
/// was written and the batch runs again (twice, a moment apart); past that, or when the connection breaks while
/// committing, every caller gets the error a single allocation would have got (the API answers SERVICE_UNAVAILABLE),
/// never another's answer. Correctness across instances rests on the stock lines' locks and the streams' versions,
/// not on this queue.
/// </para>
/// </summary>
public sealed partial class Allocator : IAsyncDisposable, IDisposable
{
    /// <summary>Rounds of a batch whose stock read went stale before its lines were locked, as for a single allocation.</summary>
    public const int Rounds = 3;

    private const int Reconnects = 3;
    private static readonly DomainError LostRace = RequestWrites.Conflict;

    // Not SingleReader: that channel cannot count what it holds, and gathering a batch asks how many are queued.
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly CancellationTokenSource _stop = new();
    private readonly IDocumentStore _store;
    private readonly StockCandidates _candidates;
    private readonly RequestsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Allocator> _logger;
    private readonly Task _loop;
    private Gathering? _gathering;

    public Allocator(IDocumentStore store, Npgsql.NpgsqlDataSource database, RequestsOptions options, TimeProvider time, ILogger<Allocator> logger)
    {
        (_store, _candidates, _options, _time, _logger) = (store, new StockCandidates(database), options, time, logger);
        // The loop belongs to no caller: it must not carry the first caller's ambient request (its idempotency key).
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Queues the allocation, acting as <paramref name="actor"/>, and waits for its answer.</summary>
    public async Task<Result<SupplyRequest>> AllocateAsync(AllocateSupplyRequest command, Actor actor, IdempotentRequest? key, CancellationToken ct)
    {
        if (command.RequestId == Guid.Empty)
        {
            return AllocateSupplyRequestDecision.Check(null, actor)!;
        }

        var pending = new Pending(new QueuedAllocation(command, key), actor, ct);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        if (Volatile.Read(ref _gathering) is { } gathering && _queue.Reader.Count >= gathering.Callers)
        {
            gathering.Done.TrySetResult();
        }

        return await pending.Answer.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (_queue.Reader.TryRead(out var left))
        {
            left.Answer.TrySetCanceled();
        }

        _stop.Dispose();
    }

    /// <summary>For a container disposed synchronously (a drill's services): the loop only has to notice it was stopped.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunAsync()
    {
        Pending? carried = null;
        var expected = 1;
        var most = Math.Max(1, _options.MaxAllocationBatch);
        while (!_stop.IsCancellationRequested)
        {
            if (carried is null && !await WaitAsync())
            {
                return;
            }

            await GatherAsync(expected - (carried is null ? 0 : 1));
            var batch = new List<Pending>();
            while (batch.Count < most && (carried ?? (_queue.Reader.TryRead(out var read) ? read : null)) is { } next)
            {
                carried = null;
                if (batch.Count > 0 && next.Actor != batch[0].Actor)
                {
                    carried = next;
                    break;
                }

                if (next.Cancelled.IsCancellationRequested)
                {
                    next.Answer.TrySetCanceled(next.Cancelled);
                    continue;
                }

                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                var waiting = await AnswerAsync(batch);
                expected = Math.Min(most, batch.Count + waiting + (carried is null ? 0 : 1));
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="callers"/> are queued or <see cref="RequestsOptions.AllocationGathering"/> has passed.
    /// The wait is on the machine's clock, not the service's <see cref="TimeProvider"/>: it is about throughput, not a
    /// moment of the domain, and a test's fake clock must not hold allocations back.
    /// </summary>
    private async Task GatherAsync(int callers)
    {
        if (_options.AllocationGathering <= TimeSpan.Zero || _queue.Reader.Count >= callers)
        {
            return;
        }

        var gathering = new Gathering(callers);
        Volatile.Write(ref _gathering, gathering);
        if (_queue.Reader.Count < callers)
        {
            await Task.WhenAny(gathering.Done.Task, Task.Delay(_options.AllocationGathering, _stop.Token));
        }

        Volatile.Write(ref _gathering, null);
    }

    private async Task<bool> WaitAsync()
    {
        try
        {
            return await _queue.Reader.WaitToReadAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Answers every caller of the batch. Returns how many other callers were queued when it answered them (counted
    /// before: a caller answered may queue again at once); zero when the batch ran again one by one.
    /// </summary>
    private async Task<int> AnswerAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            if (await WriteAsync(batch, OnLostRace.Conflict) is { } answers)
            {
                var waiting = _queue.Reader.Count;
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Answer.TrySetResult(answers[i]);
                }

                return waiting;
            }

            if (batch.Count > 1)
            {
                LogBatchLostRace(batch.Count);
            }

            // Nothing of the batch was written: each allocation alone, as it would have run without the others.
            foreach (var pending in batch)
            {
                pending.Answer.TrySetResult((await WriteAsync([pending], OnLostRace.DecideAgain))?[0] ?? LostRace);
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Answer.TrySetException(e);
            }
        }

        return 0;
    }

    /// <summary>The batch decided and committed, its answers in order; null when it lost a race (nothing written).</summary>
    private async Task<IReadOnlyList<Result<SupplyRequest>>?> WriteAsync(IReadOnlyList<Pending> batch, OnLostRace onLostRace)
    {
        // The allocator serves every caller: it writes as the batch's actor, never through a request's accessor.
        var writer = new EventWriter(_store, NoCaller.Instance, _time).ActingAs(batch[0].Actor);
        var allocations = batch.Select(p => p.Allocation).ToList();
        for (var round = 1; ; round++)
        {
            var lastRound = round == Rounds;
            var stale = false;
            var committing = false;
            AllocationBatch? decided = null;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var started = _time.GetTimestamp();
                    var deciding = TimeSpan.Zero;
                    var result = await writer.RunAsync(async (session, actor, ct) =>
                    {
                        var allocation = new AllocationBatch(allocations);
                        var begun = _time.GetTimestamp();
                        stale = !await allocation.DecideAsync(session, actor, _candidates, lastRound, _time, ct);
                        deciding = _time.GetElapsedTime(begun);
                        committing = !stale;
                        decided = allocation;
                        return stale ? LostRace : Result<AllocationBatch>.Ok(allocation);
                    }, LostRace, _stop.Token, onLostRace);
                    if (result.Succeeded)
                    {
                        LogBatch(batch.Count, round, deciding.TotalMilliseconds, _time.GetElapsedTime(started).TotalMilliseconds);
                        return batch.Select((_, i) => decided!.Answer(i)).ToList();
                    }

                    break;
                }
                catch (Exception e) when (!committing && attempt < Reconnects && DatabaseUnavailable.Is(e))
                {
                    // Nothing was written: the transaction had not started to commit.
                    LogDatabaseUnavailable(e, batch.Count, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), _time, _stop.Token);
                }
            }

            if (!stale || lastRound)
            {
                return null;
            }
        }
    }

    /// <summary>The loop waiting for <see cref="Callers"/> to be queued; a caller that makes them enough completes it.</summary>
    private sealed record Gathering(int Callers)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Pending(QueuedAllocation Allocation, Actor Actor, CancellationToken Cancelled)
    {
        public TaskCompletionSource<Result<SupplyRequest>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch of {Count} allocations, round {Round}: fetched, read, locked and decided in {DecideMs:0.0} ms, written in {TotalMs:0.0} ms")]
    private partial void LogBatch(int count, int round, double decideMs, double totalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "A batch of {Count} allocations lost a race as a whole; each runs again alone")]
    private partial void LogBatchLostRace(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database went away before a batch of {Count} allocations committed (attempt {Attempt}); running it again")]
    private partial void LogDatabaseUnavailable(Exception error, int count, int attempt);
}
