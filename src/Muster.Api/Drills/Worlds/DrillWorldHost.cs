using System.Collections.Concurrent;
using GraphQL.DI;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Muster.Api.GraphQL.Idempotency;
using Muster.Api.GraphQL.Transport;
using Muster.Api.GraphQL.WebSockets;
using Muster.Drills;
using Muster.Infrastructure.Changes;
using Npgsql;

namespace Muster.Api.Drills.Worlds;

/// <summary>
/// One drill's services, in process: the service's own composition (<see cref="MusterComposition"/>) over the drill's
/// database, with every event stamped with the drill's id and only drill participants admitted. Of the background
/// work only the change feed runs (subscriptions in the drill); the scheduler, webhook deliveries, seeding and key
/// expiry do not, so a drill never notifies a partner nor runs a job on the copy.
/// </summary>
public sealed class DrillWorldHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly RequestDelegate _pipeline;
    private readonly ConcurrentDictionary<HttpContext, bool> _serving = new();

    private DrillWorldHost(Guid drillId, string database, ServiceProvider services)
    {
        DrillId = drillId;
        Database = database;
        _services = services;
        var app = new ApplicationBuilder(services);
        app.UseMusterIdempotency();
        app.Run(http => http.WebSockets.IsWebSocketRequest
            ? http.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint>().HandleAsync(http)
            : http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http));
        _pipeline = app.Build();
    }

    public Guid DrillId { get; }

    public string Database { get; }

    public IServiceProvider Services => _services;

    public NpgsqlDataSource DataSource => _services.GetRequiredService<NpgsqlDataSource>();

    public static DrillWorldHost Build(Guid drillId, string database, IServiceProvider parent)
    {
        var configuration = parent.GetRequiredService<IConfiguration>();
        var connection = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Muster")) { Database = database }.ConnectionString;
        // A drill reads and writes its own copy on the primary: the standby pool names the real database.
        var own = new ConfigurationBuilder().AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Muster"] = connection, ["ConnectionStrings:MusterReads"] = null, ["Seed:Path"] = "" })
            .Build();
        var environment = parent.GetRequiredService<IHostEnvironment>();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(own);
        services.AddSingleton(environment);
        if (parent.GetService<IWebHostEnvironment>() is { } web)
        {
            services.AddSingleton(web);
        }

        services.AddSingleton(parent.GetRequiredService<ILoggerFactory>());
        services.AddLogging();
        services.AddSingleton(parent.GetRequiredService<TimeProvider>());
        services.AddMusterCapabilities(own, environment);
        services.ConfigureMarten(options => options.Listeners.Add(new DrillEventStamp(drillId)));
        services.AddSingleton<IConfigureExecution, DrillParticipants>();
        services.RemoveAll<IHostedService>();
        return new DrillWorldHost(drillId, database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false }));
    }

    /// <summary>
    /// Creates the store's schema in the drill's (new) database, then has the connections learn the types PostGIS just
    /// added (they met the database before it had them).
    /// </summary>
    public async Task ApplySchemaAsync(CancellationToken ct)
    {
        await _services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await DataSource.ReloadTypesAsync(ct);
    }

    /// <summary>Starts the drill's change feed: subscriptions at the drill's endpoint hear the drill's changes.</summary>
    public Task StartAsync(CancellationToken ct) => _services.GetRequiredService<ChangeFeed>().StartAsync(ct);

    /// <summary>Serves one request at the drill's endpoint with the drill's services, as if it came to /graphql.</summary>
    public async Task ServeAsync(HttpContext http)
    {
        var (services, pathBase, path) = (http.RequestServices, http.Request.PathBase, http.Request.Path);
        _serving[http] = true;
        await using var scope = _services.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        http.Request.PathBase = pathBase.Add(path.Value![..^GraphQL.GraphQLModule.Path.Length]);
        http.Request.Path = GraphQL.GraphQLModule.Path;
        try
        {
            await _pipeline(http);
        }
        finally
        {
            (http.RequestServices, http.Request.PathBase, http.Request.Path) = (services, pathBase, path);
            _serving.TryRemove(http, out _);
        }
    }

    /// <summary>
    /// Closes the drill's WebSockets, lets requests in flight finish (a few seconds at most), then stops the change feed
    /// and disposes the services.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var http in _serving.Keys.Where(h => h.WebSockets.IsWebSocketRequest))
        {
            http.Abort();
        }

        for (var waited = 0; !_serving.IsEmpty && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        try
        {
            await _services.GetRequiredService<ChangeFeed>().StopAsync(CancellationToken.None);
        }
        finally
        {
            await _services.DisposeAsync();
        }
    }
}
