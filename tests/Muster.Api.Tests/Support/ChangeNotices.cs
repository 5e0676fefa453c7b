using System.Threading.Channels;
using Muster.Infrastructure.Changes;

namespace Muster.Api.Tests.Support;

/// <summary>The notices the feed hands out while this collector is subscribed.</summary>
public sealed class ChangeNotices : IObserver<ChangeNotice>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Channel<ChangeNotice> _received = Channel.CreateUnbounded<ChangeNotice>();
    private readonly IDisposable _subscription;

    public ChangeNotices(ChangeFeed feed) => _subscription = feed.Subscribe(this);

    /// <summary>The next notice about <paramref name="stream"/>; null (with a limit given) when none comes.</summary>
    public async Task<ChangeNotice> NextForAsync(Guid stream) =>
        await NextForAsync(stream, Wait) ?? throw new TimeoutException($"no notice for {stream} within {Wait}");

    public async Task<ChangeNotice?> NextForAsync(Guid stream, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while (true)
            {
                var notice = await _received.Reader.ReadAsync(timeout.Token);
                if (notice.Stream == stream)
                {
                    return notice;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void OnNext(ChangeNotice value) => _received.Writer.TryWrite(value);

    public void OnError(Exception error) => _received.Writer.TryComplete(error);

    public void OnCompleted() => _received.Writer.TryComplete();

    public void Dispose() => _subscription.Dispose();
}
