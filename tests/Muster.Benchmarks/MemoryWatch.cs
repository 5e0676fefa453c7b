using System.Diagnostics;

namespace Muster.Benchmarks;

/// <summary>
/// Samples this process's working set and managed heap (as the last collection left it), or what <c>read</c> gives for
/// another process, at an interval, from start to dispose, to tell whether memory grows under a steady load: the mean
/// of a first window against the mean of the last, the highest in a window, and the peak.
/// </summary>
public sealed class MemoryWatch : IAsyncDisposable
{
    private readonly List<(TimeSpan At, double WorkingSetMb, double HeapMb)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<(double WorkingSetMb, double HeapMb)> _read;
    private readonly Task _sampling;

    public MemoryWatch(TimeSpan interval, Func<(double WorkingSetMb, double HeapMb)>? read = null)
    {
        _read = read ?? ThisProcess;
        _sampling = SampleAsync(interval);
    }

    public IReadOnlyList<(TimeSpan At, double WorkingSetMb, double HeapMb)> Samples => _samples;

    public double PeakWorkingSetMb => _samples.Count == 0 ? double.NaN : _samples.Max(s => s.WorkingSetMb);

    /// <summary>Mean working set and heap of the samples taken in [from, to).</summary>
    public (double WorkingSetMb, double HeapMb) Mean(TimeSpan from, TimeSpan to)
    {
        var window = _samples.Where(s => s.At >= from && s.At < to).ToList();
        return window.Count == 0 ? (double.NaN, double.NaN) : (window.Average(s => s.WorkingSetMb), window.Average(s => s.HeapMb));
    }

    /// <summary>The highest working set sampled in [from, to).</summary>
    public double HighestWorkingSetMb(TimeSpan from, TimeSpan to) =>
        _samples.Where(s => s.At >= from && s.At < to).Select(s => s.WorkingSetMb).DefaultIfEmpty(double.NaN).Max();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        using var ticks = new PeriodicTimer(interval);
        do
        {
            var (workingSet, heap) = _read();
            _samples.Add((clock.Elapsed, workingSet, heap));
        }
        while (await Tick(ticks));
    }

    private static (double WorkingSetMb, double HeapMb) ThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64 / 1048576.0, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
    }

    private async Task<bool> Tick(PeriodicTimer ticks)
    {
        try
        {
            return await ticks.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
