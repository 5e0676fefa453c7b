using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Muster.Infrastructure.Changes;
using Muster.Infrastructure.Idempotency;
using Muster.Infrastructure.Reading;
using Npgsql;
using Weasel.Postgresql;

namespace Muster.Infrastructure;

/// <summary>Configures the Marten 9 event store once: PostGIS, NetTopologySuite, actor metadata, change notices, idempotency keys.</summary>
public static class EventStoreModule
{
    public const string Schema = "muster";

    /// <summary>
    /// The store itself; each capability adds its projections and indexes from its own <c>Add…()</c> (Marten's
    /// <c>ConfigureMarten</c>). <paramref name="standbyConnectionString"/>: where lag-tolerant reads go (<see cref="StandbyReads"/>).
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, string connectionString, string? standbyConnectionString = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => OpenDataSource(connectionString));
        services.AddSingleton(_ => StandbyReads.Open(standbyConnectionString)).AddScoped<ReadRoute>();
        services.AddSingleton<ChangeFeed>().AddHostedService(provider => provider.GetRequiredService<ChangeFeed>());
        services.AddScoped<Writing.EventWriter>();

        services.AddMarten(provider =>
            {
                var options = new StoreOptions();
                options.Connection(provider.GetRequiredService<NpgsqlDataSource>());
                options.DatabaseSchemaName = Schema;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Events.TimeProvider = provider.GetRequiredService<TimeProvider>();
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                // An index on the events' (type, seq_id): the daemon, rebuilding or catching up a projection, asks for pages
                // of that projection's event types only; without it each page walked every event of its range (rebuilding
                // the 24 smaller projections of a city spent 11 s of the server's time finding 5,640 events).
                options.Events.EnableEventTypeIndex = true;
                options.Storage.ExtendedSchemaObjects.Add(new Extension("postgis"));
                options.Listeners.Add(new ChangeNotifier());
                options.Listeners.Add(new IdempotencyKeyRecorder(provider.GetRequiredService<TimeProvider>()));
                options.Storage.ExtendedSchemaObjects.Add(IdempotencyKeysTable.Define());
                return options;
            })
            .UseLightweightSessions()
            .BuildSessionsWith<ActorSessionFactory>(ServiceLifetime.Scoped)
            .ApplyAllDatabaseChangesOnStartup();

        return services;
    }

    /// <summary>
    /// One pool for Marten and the spatial queries; PostGIS geography maps to NetTopologySuite. Statements run three
    /// times are prepared on their connection (unless the connection string says otherwise): Marten's upserts and the
    /// finders' queries repeat, and planning them anew each time took a third of a bulk load's time.
    /// </summary>
    public static NpgsqlDataSource OpenDataSource(string connectionString) =>
        Configure(new NpgsqlDataSourceBuilder(connectionString), connectionString).Build();

    /// <summary>What every pool of the service shares (the primary's, the standbys').</summary>
    public static NpgsqlDataSourceBuilder Configure(NpgsqlDataSourceBuilder builder, string connectionString)
    {
        builder.UseNetTopologySuite(geographyAsDefault: true);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 200;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 3;
        }

        return builder;
    }
}
