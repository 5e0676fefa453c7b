using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transport;

/// <summary>An answer larger than the limit is replaced by a clear error; error lists are capped.</summary>
public sealed class ResponseLimitTests(ResponseLimitTests.SmallAnswers fixture) : IClassFixture<ResponseLimitTests.SmallAnswers>
{
    public sealed class SmallAnswers : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["GraphQL:Limits:MaxResponseBytes"] = "4000",
            ["GraphQL:Limits:MaxErrors"] = "5",
        };
    }

    private MusterApp App => fixture.App;

    [Fact]
    public async Task An_answer_over_the_size_limit_is_RESPONSE_TOO_LARGE_not_a_truncated_body()
    {
        var response = await App.PostAsync("{ __schema { types { name description fields { name description } } } }", token: App.Token("admin"));

        Assert.Equal(200, response.Status);
        Assert.Equal(["RESPONSE_TOO_LARGE"], response.ErrorCodes);
        Assert.InRange(response.Text.Length, 1, 4000);
    }

    [Fact]
    public async Task A_small_answer_passes()
    {
        var response = await App.PostAsync("{ __typename }");

        Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Errors_are_capped_with_a_last_one_that_says_how_many_were_left_out()
    {
        var fields = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"nope{i}"));

        var response = await App.PostAsync($"{{ {fields} }}", token: App.Token("admin"));

        Assert.Equal(5, response.ErrorCodes.Count);
        Assert.Equal("TOO_MANY_ERRORS", response.ErrorCodes[^1]);
        Assert.Contains("26 more errors", response.ErrorMessages[^1], StringComparison.Ordinal);
    }
}
