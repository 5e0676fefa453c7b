namespace Muster.Infrastructure;

/// <summary>Gives the acting user of the current unit of work (an HTTP request, a job).</summary>
public interface IActorAccessor
{
    Actor? Current { get; }
}

/// <summary>
/// No caller: for work that outlives its request or serves many (a stock import, a batch of allocations), which writes
/// as the user it was given (<c>EventWriter.ActingAs</c>), never as whoever calls now.
/// </summary>
public sealed class NoCaller : IActorAccessor
{
    public static readonly NoCaller Instance = new();

    public Actor? Current => null;
}
