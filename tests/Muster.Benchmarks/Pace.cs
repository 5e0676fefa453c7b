using System.Diagnostics;

namespace Muster.Benchmarks;

/// <summary>
/// Starts an operation at a steady rate, on a schedule and not as fast as answers come back (a fleet's AVL units
/// report whether or not the service is slow), with at most a number in flight: when that many wait for answers,
/// the schedule slips and the rate achieved falls short of the one asked for.
/// </summary>
public static class Pace
{
    /// <summary>Calls <paramref name="once"/> (which must not throw) with 0, 1, 2 … until stopped; returns how many were started.</summary>
    public static async Task<long> RunAsync(double perSecond, int maxInFlight, Func<long, Task> once, CancellationToken stop)
    {
        using var slots = new SemaphoreSlim(maxInFlight);
        var clock = Stopwatch.StartNew();
        long started = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = (long)(clock.Elapsed.TotalSeconds * perSecond) + 1;
                while (started < due)
                {
                    await slots.WaitAsync(stop);
                    var n = started++;
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await once(n);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None);
                }

                var wait = TimeSpan.FromSeconds(started / perSecond) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The stage is over; what is in flight finishes below.
        }

        for (var i = 0; i < maxInFlight; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }

        return started;
    }
}
