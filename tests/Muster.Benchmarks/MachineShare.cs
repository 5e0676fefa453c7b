using System.Diagnostics;
using System.Globalization;

namespace Muster.Benchmarks;

/// <summary>
/// How much of the machine this process used over a stretch (its CPU time over wall time, in cores), beside the load
/// average, which also counts PostgreSQL and anyone else on the machine: figures from a shared machine read differently.
/// </summary>
public sealed class MachineShare
{
    private readonly TimeSpan _cpu;
    private readonly string _load;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private MachineShare()
    {
        _cpu = Cpu();
        _load = LoadAverage();
    }

    public static MachineShare Start() => new();

    public string Stop()
    {
        var cores = (Cpu() - _cpu).TotalSeconds / _clock.Elapsed.TotalSeconds;
        return $"this process {Report.F(cores, "N2")} of {Environment.ProcessorCount} cores; load average {_load} → {LoadAverage()}";
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The 1-minute load average (Linux), or a dash elsewhere.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture).ToString("N1", CultureInfo.InvariantCulture)
            : "–";
}
