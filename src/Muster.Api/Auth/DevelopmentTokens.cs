using Marten;
using Muster.Agencies;
using Muster.Infrastructure;
using Muster.Seeding;

namespace Muster.Api.Auth;

/// <summary>
/// In Development, prints a ready token for each role so a person can try the API at once. The partner token
/// speaks for the seed's partner agency (<see cref="SeedFiles.DevelopmentPartnerAgency"/>, looked up by name once
/// the seed has loaded, since the service gives agencies their ids); without it, for <see cref="DemoPartnerAgency"/>.
/// </summary>
public sealed class DevelopmentTokens(
    TokenIssuer issuer, SeedLoader seed, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DevelopmentTokens> logger)
    : BackgroundService
{
    /// <summary>The partner token's agency when the database holds no seed partner agency (an agency of no one).</summary>
    public static readonly Guid DemoPartnerAgency = new("00000000-0000-0000-0000-00000000a001");

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    // A string, so that a request thread reads it whole while the start-up task sets it.
    private volatile string _partnerAgency = DemoPartnerAgency.ToString();

    /// <summary>The partner agency the partner token names: the seed's, once it is known.</summary>
    public Guid PartnerAgency => Guid.Parse(_partnerAgency);

    public string TokenFor(string role) =>
        issuer.Issue($"dev-{role}", role, role == Roles.Partner ? _partnerAgency : null, Lifetime);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var role in Roles.All.Where(r => r != Roles.Partner))
        {
            Print(role);
        }

        if (!string.IsNullOrWhiteSpace(configuration[$"{SeedOptions.Section}:Path"]))
        {
            await seed.FirstLoad.WaitAsync(stoppingToken);
        }

        using (var scope = scopes.CreateScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var found = await session.Query<Agency>().Where(a => a.Name == SeedFiles.DevelopmentPartnerAgency).Select(a => a.Id).ToListAsync(stoppingToken);
            _partnerAgency = (found.Count > 0 ? found[0] : DemoPartnerAgency).ToString();
        }

        Print(Roles.Partner);
        logger.LogInformation("Development tokens printed above are valid for {Hours} hours; the partner token speaks for agency {Agency}",
            Lifetime.TotalHours, PartnerAgency == DemoPartnerAgency ? $"{DemoPartnerAgency} (not registered)" : SeedFiles.DevelopmentPartnerAgency);
    }

    // Printed plainly on purpose: this runs only in Development, for a person at the terminal.
    private void Print(string role) => Console.WriteLine($"Development token for {role,-9}: Bearer {TokenFor(role)}");
}
