using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Muster.Seeding;

/// <summary>The <c>Seed</c> configuration section: the folder to load at start-up (./run.sh sets it to seed-data).</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public string? Path { get; set; }
}

public static class SeedingModule
{
    public static IServiceCollection AddSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        services.AddSingleton<SeedLoader>();
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            services.AddHostedService(provider => new SeedOnStartup(provider.GetRequiredService<SeedLoader>(), options.Path));
        }

        return services;
    }
}

/// <summary>Loads the seed folder once the service has started (what is there already is skipped).</summary>
public sealed class SeedOnStartup(SeedLoader loader, string folder) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => loader.LoadAsync(folder, stoppingToken);
}
