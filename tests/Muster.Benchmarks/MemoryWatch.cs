using System.Diagnostics;

namespace Muster.Benchmarks;

/// <summary>
/// Samples this process's working set and managed heap (as the last collection left it) at an interval, from start to dispose, to tell whether memory
/// grows under a steady load: the mean of a first window against the mean of the last, and the peak.
/// </summary>
public sealed class MemoryWatch : IAsyncDisposable
{
    private readonly List<(TimeSpan At, double WorkingSetMb, double HeapMb)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public MemoryWatch(TimeSpan interval) => _sampling = SampleAsync(interval);

    public IReadOnlyList<(TimeSpan At, double WorkingSetMb, double HeapMb)> Samples => _samples;

    public double PeakWorkingSetMb => _samples.Count == 0 ? double.NaN : _samples.Max(s => s.WorkingSetMb);

    /// <summary>Mean working set and heap of the samples taken in [from, to).</summary>
    public (double WorkingSetMb, double HeapMb) Mean(TimeSpan from, TimeSpan to)
    {
        var window = _samples.Where(s => s.At >= from && s.At < to).ToList();
        return window.Count == 0 ? (double.NaN, double.NaN) : (window.Average(s => s.WorkingSetMb), window.Average(s => s.HeapMb));
    }

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
            using var process = Process.GetCurrentProcess();
            _samples.Add((clock.Elapsed, process.WorkingSet64 / 1048576.0, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0));
        }
        while (await Tick(ticks));
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
