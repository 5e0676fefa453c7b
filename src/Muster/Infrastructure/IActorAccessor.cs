namespace Muster.Infrastructure;

/// <summary>Gives the acting user of the current unit of work (an HTTP request, a job).</summary>
public interface IActorAccessor
{
    Actor? Current { get; }
}
