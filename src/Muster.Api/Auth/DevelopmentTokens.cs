using Muster.Infrastructure;

namespace Muster.Api.Auth;

/// <summary>In Development, prints a ready token for each role so a person can try the API at once.</summary>
public sealed class DevelopmentTokens(TokenIssuer issuer, ILogger<DevelopmentTokens> logger) : IHostedService
{
    /// <summary>The partner token's agency until demo data brings real ones.</summary>
    public static readonly Guid DemoPartnerAgency = new("00000000-0000-0000-0000-00000000a001");

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public string TokenFor(string role) =>
        issuer.Issue($"dev-{role}", role, role == Roles.Partner ? DemoPartnerAgency.ToString() : null, Lifetime);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            // Printed plainly on purpose: this runs only in Development, for a person at the terminal.
            Console.WriteLine($"Development token for {role,-9}: Bearer {TokenFor(role)}");
        }

        logger.LogInformation("Development tokens printed above are valid for {Hours} hours", Lifetime.TotalHours);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
