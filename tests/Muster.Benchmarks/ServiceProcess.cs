using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Muster.Api.Operations.Rebuilding;

namespace Muster.Benchmarks;

/// <summary>
/// The service in a process of its own (the Muster.Api build beside this program's), on a database of the run, with the
/// settings <see cref="BenchApp"/> gives the one in process: what a bureau runs, measured without the generator and clients.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri baseAddress, TimeSpan readyAfter)
    {
        _process = process;
        BaseAddress = baseAddress;
        ReadyAfter = readyAfter;
    }

    public Uri BaseAddress { get; }

    /// <summary>From starting the process to its first ready answer (/health/ready, polled every 200 ms).</summary>
    public TimeSpan ReadyAfter { get; }

    public int ProcessId => _process.Id;

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM of /proc), in MB.</summary>
    public (long Now, long Peak) MemoryMegabytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (Kb("VmRSS") / 1024, Kb("VmHWM") / 1024);
    }

    /// <summary>A <see cref="MemoryWatch"/> sample of the service: its resident memory; its managed heap is not seen from outside.</summary>
    public (double WorkingSetMb, double HeapMb) Resident() => (MemoryMegabytes().Now, double.NaN);

    public static async Task<ServiceProcess> StartAsync(string connectionString)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{BenchApp.FreePort()}");
        var deadline = Stopwatch.StartNew();
        var start = Service(connectionString);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        var process = Process.Start(start) ?? throw new InvalidOperationException("the service did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine("  service: " + line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress };
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with {process.ExitCode} while starting");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return new ServiceProcess(process, baseAddress, deadline.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the service was not ready within 2 minutes");
    }

    /// <summary>
    /// The operator's rebuild (<c>dotnet Muster.Api.dll rebuild --force --json</c>) in a process of its own; its log is
    /// shown as it comes.
    /// </summary>
    public static async Task<RebuildReport> RebuildAsync(string connectionString)
    {
        var start = Service(connectionString);
        start.ArgumentList.Add(RebuildCommand.Verb);
        start.ArgumentList.Add("--force");
        start.ArgumentList.Add("--json");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the rebuild did not start");
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine("  rebuild: " + line.Data);
            }
        };
        process.BeginErrorReadLine();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the rebuild exited with {process.ExitCode}");
        }

        return JsonSerializer.Deserialize<RebuildReport>(output.Trim().Split('\n')[^1], JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("the rebuild printed no report");
    }

    /// <summary>The service's binary with the settings <see cref="BenchApp"/> gives the one in process.</summary>
    private static ProcessStartInfo Service(string connectionString) =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "Muster.Api.dll")])
        {
            WorkingDirectory = BenchApp.ServiceFolder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Muster"] = connectionString,
                ["ConnectionStrings__MusterReads"] = "",
                ["Auth__SigningKey"] = BenchApp.SigningKey,
                ["Logging__LogLevel__Default"] = "Warning",
                ["RateLimiting__Enabled"] = "false",
            },
        };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
