using System.Text;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transport;

/// <summary>Oversized, too deep, too complex and too slow requests get a clear code, never a 5xx.</summary>
public sealed class LimitsTests(LimitsTests.SmallLimits fixture) : IClassFixture<LimitsTests.SmallLimits>
{
    public sealed class SmallLimits : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["GraphQL:MaxDepth"] = "4",
            ["GraphQL:MaxComplexity"] = "40",
            ["GraphQL:MaxBatchSize"] = "3",
            ["GraphQL:MaxRequestBytes"] = "4096",
        };
    }

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_query_deeper_than_allowed_is_refused()
    {
        var response = await App.PostAsync(
            "{ auditTrail { edges { node { actor { agency { headquarters { lat } } } } } } }", token: App.Token("admin"));

        Assert.Equal(200, response.Status);
        Assert.Contains("QUERY_TOO_DEEP", response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task The_ides_introspection_query_is_not_refused_for_its_depth()
    {
        // graphql-js getIntrospectionQuery() with the options GraphiQL uses by default: type references nest deeper than data queries.
        var query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Transport", "IntrospectionQuery.graphql"));

        var response = await App.PostAsync(query, token: App.Token("partner", Guid.NewGuid()));

        Assert.True(response.ErrorCodes.Count == 0, string.Join("; ", response.ErrorMessages));
        Assert.Equal("Query", response.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_query_more_complex_than_allowed_is_refused()
    {
        var fields = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"a{i}: viewer {{ subject role }}"));

        var response = await App.PostAsync($"{{ {fields} }}", token: App.Token("admin"), accept: "application/graphql-response+json");

        Assert.Equal(400, response.Status);
        Assert.Contains("QUERY_TOO_COMPLEX", response.ErrorCodes);
    }

    [Fact]
    public async Task Complexity_counts_the_variables_of_each_request_even_for_a_document_seen_before()
    {
        const string query = "query($n: Int) { agencies(first: $n) { edges { node { name } } } }";

        var small = await App.PostAsync(query, new { n = 1 }, App.Token("admin"));
        var large = await App.PostAsync(query, new { n = 50 }, App.Token("admin"));

        Assert.Empty(small.ErrorCodes);
        Assert.Contains("QUERY_TOO_COMPLEX", large.ErrorCodes);
    }

    [Fact]
    public async Task A_batch_larger_than_allowed_is_refused_whole()
    {
        var batch = "[" + string.Join(",", Enumerable.Repeat("""{"query":"{ __typename }"}""", 4)) + "]";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(batch, Encoding.UTF8, "application/json"),
        };

        var response = await App.SendAsync(request);

        Assert.Equal(400, response.Status);
        Assert.Contains("BATCH_TOO_LARGE", response.ErrorCodes);
    }

    [Fact]
    public async Task A_body_larger_than_allowed_is_413()
    {
        var padding = new string(' ', 5000);

        var response = await App.PostAsync("{ __typename " + padding + "}");

        Assert.Equal(413, response.Status);
        Assert.Contains("PAYLOAD_TOO_LARGE", response.ErrorCodes);
    }
}

/// <summary>The per-request timeout, with a limit far below what a database round trip takes.</summary>
public sealed class TimeoutTests(TimeoutTests.TinyTimeout fixture) : IClassFixture<TimeoutTests.TinyTimeout>
{
    public sealed class TinyTimeout : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["GraphQL:Timeout"] = "00:00:00.001",
        };
    }

    [Fact]
    public async Task An_operation_past_the_timeout_answers_TIMEOUT_not_a_5xx()
    {
        var app = fixture.App;
        var query = string.Join(" ", Enumerable.Range(0, 5).Select(i => $"a{i}: auditTrail(first: 100) {{ totalCount }}"));

        var response = await app.PostAsync($"{{ {query} }}", token: app.Token("admin"));

        Assert.InRange(response.Status, 200, 499);
        Assert.Contains("TIMEOUT", response.ErrorCodes);
    }
}
