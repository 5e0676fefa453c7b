using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Operations;

public sealed class HealthAndIdeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task Live_answers_while_the_process_runs()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Ready_reports_database_schema_scheduler_and_change_feed()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Healthy", report["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Contains("schema applied", report["checks"]!["database"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        // Under load a scheduler check-in or the feed's first LISTEN can be late: Degraded, still ready (200).
        Assert.NotEqual("Unhealthy", report["checks"]!["scheduler"]!["status"]!.GetValue<string>());
        Assert.NotEqual("Unhealthy", report["checks"]!["changes"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_browser_gets_the_ide_page_without_a_token_outside_development()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");

        var response = await App.SendAsync(request, accept: "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html", response.ContentType);
        Assert.Contains("Muster", response.Text, StringComparison.Ordinal);
        Assert.Contains("window.__MUSTER__ = {\"endpoint\":\"/graphql\",\"subscriptionUrl\":\"/graphql\",\"token\":\"\"}", response.Text, StringComparison.Ordinal);
    }
}
