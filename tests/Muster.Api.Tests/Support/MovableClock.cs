namespace Muster.Api.Tests.Support;

/// <summary>A clock the test moves forward; everything in the service that asks for the time asks it.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Ahead { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;

    public void Advance(TimeSpan by) => Ahead += by;
}
