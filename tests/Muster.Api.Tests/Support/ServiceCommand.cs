using System.Diagnostics;

namespace Muster.Api.Tests.Support;

/// <summary>What a run of the service's binary as a command printed, and how it exited.</summary>
public sealed record CommandRan(int ExitCode, string Output, string Error);

/// <summary>The service's binary run as a command (<c>dotnet Muster.Api.dll rebuild …</c>) over a test's database, as an operator runs it.</summary>
public static class ServiceCommand
{
    public static async Task<CommandRan> RunAsync(TestDatabase database, params string[] args)
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
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', args)}` did not end within 2 minutes");
        }

        return new CommandRan(process.ExitCode, await output, await error);
    }
}
