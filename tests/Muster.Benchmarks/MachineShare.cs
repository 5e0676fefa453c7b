using System.Diagnostics;
using System.Globalization;

namespace Muster.Benchmarks;

/// <summary>
/// How much of the machine some processes used over a stretch (CPU time over wall time, in cores), beside the load
/// average, which also counts PostgreSQL and anyone else on the machine: figures from a shared machine read differently.
/// </summary>
public sealed class MachineShare
{
    private readonly (string Name, int Id, TimeSpan Cpu)[] _processes;
    private readonly string _load;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private MachineShare(IEnumerable<(string Name, int Id)> processes)
    {
        _processes = [.. processes.Select(p => (p.Name, p.Id, Cpu(p.Id)))];
        _load = LoadAverage();
    }

    /// <summary>From now, for each named process.</summary>
    public static MachineShare Start(params (string Name, int Id)[] processes) => new(processes);

    public string Stop()
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var shares = _processes.Select(p => $"{p.Name} {Report.F((Cpu(p.Id) - p.Cpu).TotalSeconds / seconds, "N2")}");
        return $"{string.Join(", ", shares)} of {Environment.ProcessorCount} cores; load average {_load} → {LoadAverage()}";
    }

    private static TimeSpan Cpu(int id)
    {
        using var process = Process.GetProcessById(id);
        return process.TotalProcessorTime;
    }

    /// <summary>The 1-minute load average (Linux), or a dash elsewhere.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture).ToString("N1", CultureInfo.InvariantCulture)
            : "–";
}
