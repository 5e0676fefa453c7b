using System.Net.Http.Headers;
using System.Text;
using Muster.Api.Tests.Support;
using Npgsql;

namespace Muster.Api.Tests.Operations;

/// <summary>The service reaches its database through a gate the tests can shut.</summary>
public sealed class BehindAGate : AppFixture
{
    private TcpGate? _gate;

    public TcpGate Gate => _gate ?? throw new InvalidOperationException("fixture not initialised");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var direct = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
            _gate ??= new TcpGate(direct.Host!, direct.Port);
            var gated = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = _gate.Port, Timeout = 3 };
            return new Dictionary<string, string?> { ["ConnectionStrings:Muster"] = gated.ConnectionString };
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AgencyId = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
    }

    public string AgencyId { get; private set; } = "";
}

/// <summary>While the database is away, every request answers SERVICE_UNAVAILABLE (503 + Retry-After), never an internal error.</summary>
public sealed class DatabaseUnavailableTests(BehindAGate given) : IClassFixture<BehindAGate>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task While_the_database_is_away_requests_answer_SERVICE_UNAVAILABLE_and_ready_says_not_ready_then_work_again()
    {
        given.Gate.Close();
        try
        {
            var read = await SendAsync("{ agencies(first: 5) { totalCount } }", "application/graphql-response+json");
            var write = await SendAsync("mutation { registerAgency(input: {name: \"during the outage\", kind: OTHER}) { errors { code } } }", "application/graphql-response+json");
            var asJson = await SendAsync("{ agencies(first: 5) { totalCount } }", "application/json");
            using var client = App.CreateClient();
            using var ready = await client.GetAsync("/health/ready");

            Assert.Equal((503, "2"), (read.Status, read.RetryAfter));
            Assert.Equal(["SERVICE_UNAVAILABLE"], read.Response.ErrorCodes.Distinct());
            Assert.Equal(503, write.Status);
            Assert.Contains("SERVICE_UNAVAILABLE", write.Response.ErrorCodes);
            Assert.DoesNotContain("INTERNAL_SERVER_ERROR", write.Response.ErrorCodes);
            Assert.Equal(200, asJson.Status);
            Assert.Contains("SERVICE_UNAVAILABLE", asJson.Response.ErrorCodes);
            Assert.Equal(503, (int)ready.StatusCode);
        }
        finally
        {
            given.Gate.Open();
        }

        await Eventually.HoldsAsync(async () =>
            (await App.PostAsync("{ agencies(first: 5) { totalCount } }", token: App.Token("admin"))).ErrorCodes.Count == 0,
            "queries succeed again once the database is back");
    }

    private async Task<(int Status, string? RetryAfter, GraphQLResponse Response)> SendAsync(string query, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", App.Token("admin"));
        using var client = App.CreateClient();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString(),
            new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text));
    }
}
