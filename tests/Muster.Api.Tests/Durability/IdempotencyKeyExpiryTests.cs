using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Durability;

/// <summary>Idempotency keys expire after Idempotency:KeepFor: a retry after that is a new request.</summary>
public sealed class IdempotencyKeyExpiryTests(IdempotencyKeyExpiryTests.ShortKeys fixture) : IClassFixture<IdempotencyKeyExpiryTests.ShortKeys>
{
    public sealed class ShortKeys : AppFixture
    {
        public MovableClock Clock { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Idempotency:KeepFor"] = "00:10:00" };

        protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);
    }

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_key_is_kept_for_its_time_and_a_retry_after_that_runs_again()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队 过期", "FIRE_RESCUE");
        var body = JsonSerializer.Serialize(new
        {
            query = UnitCalls.Register,
            variables = UnitCalls.Input(agency, "过期 水罐车", 36.56, 111.71),
        });
        var key = Guid.NewGuid().ToString();
        var admin = App.Token("admin"); // tokens are checked against the real clock: issue before the service's moves

        var first = await PostAsync(body, key, admin);
        fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        var withinTime = await PostAsync(body, key, admin);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await PostAsync(body, key, admin);

        Assert.Equal(first, withinTime);
        Assert.NotEqual(first, afterExpiry);
        var count = await App.PostAsync("query($a: ID) { units(agencyId: $a) { totalCount } }", new { a = agency }, admin);
        Assert.Equal(2, count.Data!["units"]!["totalCount"]!.GetValue<int>());
    }

    private async Task<string> PostAsync(string body, string key, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add("Authorization", "Bearer " + token);
        using var client = App.CreateClient();
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
