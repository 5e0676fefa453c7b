using System.Diagnostics;

namespace Muster.Api.Tests.Support;

/// <summary>What a run of the service's binary as a command printed, and how it exited.</summary>
public sealed record CommandRan(int ExitCode, string Output, string Error);

/// <summary>The service's binary run as a command (<c>dotnet Muster.Api.dll rebuild …</c>) over a test's database, as an operator runs it.</summary>
public sealed class ServiceCommand : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private ServiceCommand(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public static async Task<CommandRan> RunAsync(TestDatabase database, params string[] args)
    {
        using var command = Start(database, args);
        return await command.EndedAsync(TimeSpan.FromMinutes(2));
    }

    public static ServiceCommand Start(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Muster.Api.dll"), .. args])
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path(), "src", "Muster.Api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Muster"] = database.ConnectionString,
                ["ConnectionStrings__MusterReads"] = "",
                ["Auth__SigningKey"] = MusterApp.SigningKey,
            },
        };
        return new ServiceCommand(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Ctrl+C, as an operator presses it in the terminal (SIGINT).</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<CommandRan> EndedAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the command did not end within {within.TotalSeconds:N0} s; it printed: {await _error}");
        }

        return new CommandRan(_process.ExitCode, await _output, await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
