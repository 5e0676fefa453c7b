namespace Muster.Api.GraphQL.Subscriptions;

/// <summary>
/// The objects a subscription has yet to read back, once each, in the order of their latest change: a change to an
/// object already waiting moves it to the end instead of queueing it twice, since what is read back is the object as
/// it is now. A subscriber slower than the changes therefore waits on at most one entry per object, never on an
/// ever-growing queue. Safe for one writer (the change feed) and one reader (the subscription's loop).
/// </summary>
public sealed class PendingChanges
{
    private readonly LinkedList<Guid> _order = [];
    private readonly Dictionary<Guid, LinkedListNode<Guid>> _waiting = [];

    public int Count
    {
        get
        {
            lock (_order)
            {
                return _order.Count;
            }
        }
    }

    /// <summary>Records a change of <paramref name="stream"/>; true when nothing was waiting before (the reader may be asleep).</summary>
    public bool Add(Guid stream)
    {
        lock (_order)
        {
            var wasEmpty = _order.Count == 0;
            if (_waiting.Remove(stream, out var node))
            {
                _order.Remove(node);
            }

            _waiting[stream] = _order.AddLast(stream);
            return wasEmpty;
        }
    }

    /// <summary>Up to <paramref name="count"/> of the objects waiting longest, no longer waiting.</summary>
    public IReadOnlyList<Guid> Take(int count)
    {
        lock (_order)
        {
            var taken = new List<Guid>(Math.Min(count, _order.Count));
            while (taken.Count < count && _order.First is { } first)
            {
                _order.RemoveFirst();
                _waiting.Remove(first.Value);
                taken.Add(first.Value);
            }

            return taken;
        }
    }
}
