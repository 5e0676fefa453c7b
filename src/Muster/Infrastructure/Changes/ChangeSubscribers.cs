using System.Collections.Immutable;

namespace Muster.Infrastructure.Changes;

/// <summary>The in-process observers of the change feed; one that throws does not keep a notice from the others.</summary>
internal sealed class ChangeSubscribers
{
    private ImmutableArray<IObserver<ChangeNotice>> _observers = [];

    public int Count => _observers.Length;

    public IDisposable Add(IObserver<ChangeNotice> observer)
    {
        ImmutableInterlocked.Update(ref _observers, all => all.Add(observer));
        return new Removal(this, observer);
    }

    /// <summary>Hands the notice to each observer; one that throws is reported and the others still get it.</summary>
    public void Publish(ChangeNotice notice, Action<Exception> failed)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnNext(notice);
            }
            catch (Exception e)
            {
                failed(e);
            }
        }
    }

    /// <summary>Ends every subscription with <paramref name="error"/>; later subscribers start afresh.</summary>
    public void Fail(Exception error, Action<Exception> failed)
    {
        var ended = ImmutableInterlocked.InterlockedExchange(ref _observers, []);
        foreach (var observer in ended)
        {
            try
            {
                observer.OnError(error);
            }
            catch (Exception e)
            {
                failed(e);
            }
        }
    }

    private sealed class Removal(ChangeSubscribers owner, IObserver<ChangeNotice> observer) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._observers, all => all.Remove(observer));
    }
}
