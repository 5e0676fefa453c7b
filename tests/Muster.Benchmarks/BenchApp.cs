using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Muster.Benchmarks;

/// <summary>
/// The real service in this process, listening on a free local port through Kestrel, so the benchmark's clients go
/// over real HTTP. It also answers POST /bare with fixed bytes: the baseline of the trivial query, and POST /bare/nearest.
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    public const string SigningKey = "muster-bench-signing-key-0123456789abcdef";

    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _extra;

    /// <param name="extra">More settings (a standby's <c>ConnectionStrings:MusterReads</c>, say).</param>
    public BenchApp(string connectionString, IReadOnlyDictionary<string, string?>? extra = null)
    {
        _connectionString = connectionString;
        _extra = extra ?? new Dictionary<string, string?>();
        Port = FreePort();
        UseKestrel(Port);
    }

    public int Port { get; }

    public string ConnectionString => _connectionString;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What /bare answers; set to the bytes /graphql answers to <c>{ __typename }</c> before measuring.</summary>
    public static byte[] BareBody { get; set; } = """{"data":{"__typename":"Query"}}"""u8.ToArray();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Muster"] = _connectionString,
            ["Auth:SigningKey"] = SigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace", // the table alone goes to stdout
            ["RateLimiting:Enabled"] = "false", // the rows measure the service, not its per-caller limit (200/s)
            ["ConnectionStrings:MusterReads"] = "", // no standby unless a row asks (the environment's names another database)
        };
        if (Environment.GetEnvironmentVariable("MUSTER_BENCH_LOG_ALLOCATOR") == "1")
        {
            settings["Logging:LogLevel:Muster.Requests.Allocating.Allocator"] = "Debug"; // each batch: size, time deciding, time in all
        }

        foreach (var (key, value) in _extra)
        {
            settings[key] = value;
        }

        builder.UseEnvironment("Production");
        builder.UseContentRoot(ServiceFolder());
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, BareEndpoint>());
    }

    /// <summary>src/Muster.Api, found above the running binary, so that appsettings.json and wwwroot are the service's.</summary>
    public static string ServiceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Muster.Api");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/Muster.Api not found above " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Bare ASP.NET endpoints ahead of the service's pipeline: the same bytes, no GraphQL; the raw KNN query (<see cref="BareNearest"/>).</summary>
    private sealed class BareEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(BareNearest.Path, nearest => nearest.Run(BareNearest.AnswerAsync));
            app.Map("/bare", bare => bare.Run(async context =>
            {
                context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
                context.Response.ContentLength = BareBody.Length;
                await context.Response.Body.WriteAsync(BareBody);
            }));
            next(app);
        };
    }
}
