using System.Net.Http.Headers;
using System.Text;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Operations;

/// <summary>A caller past its budget is told RATE_LIMITED and when to come back; other callers are not held up.</summary>
public sealed class RateLimitingTests(RateLimitingTests.TightBudget fixture) : IClassFixture<RateLimitingTests.TightBudget>
{
    public sealed class TightBudget : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Burst"] = "3",
            ["RateLimiting:PerSecond"] = "1",
            ["RateLimiting:AnonymousBurst"] = "2",
            ["RateLimiting:AnonymousPerSecond"] = "1",
        };
    }

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_caller_past_its_burst_gets_429_RATE_LIMITED_with_Retry_After_and_another_caller_does_not()
    {
        var flooder = App.Token("partner", Guid.NewGuid(), subject: "flooding-system");
        var answers = new List<(int Status, string? RetryAfter, string Text)>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await SendAsync(flooder));
        }

        var other = await SendAsync(App.Token("commander", subject: "someone-else"));
        var health = await App.CreateClient().GetAsync("/health/live");

        var refused = answers.Where(a => a.Status == 429).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, a =>
        {
            Assert.Contains("\"RATE_LIMITED\"", a.Text, StringComparison.Ordinal);
            Assert.True(int.TryParse(a.RetryAfter, out var seconds) && seconds >= 1, a.RetryAfter);
        });
        Assert.Equal(200, answers[0].Status);
        Assert.Equal(200, other.Status);
        Assert.Equal(200, (int)health.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_by_their_address()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await SendAsync(token: null)).Status);
        }

        Assert.Contains(429, statuses);
    }

    private async Task<(int Status, string? RetryAfter, string Text)> SendAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var client = App.CreateClient();
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
