using System.Net.Http.Headers;
using System.Text;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transport;

/// <summary>The GraphQL over HTTP rules a partner's client relies on (the npm audit suite checks the rest).</summary>
public sealed class GraphQLOverHttpTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task Post_with_json_answers_data_as_json()
    {
        var response = await App.PostAsync("{ __typename }");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_with_query_parameters_answers_the_query()
    {
        var query = Uri.EscapeDataString("query Who { viewer { role } }");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}&operationName=Who");

        var response = await App.SendAsync(request, App.Token("commander"));

        Assert.Equal(200, response.Status);
        Assert.Equal("commander", response.Data!["viewer"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mutation_over_get_is_refused_with_405_and_changes_nothing()
    {
        var mutation = Uri.EscapeDataString("mutation { registerAgency(input: {name: \"via GET\", kind: OTHER}) { errors { code } } }");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={mutation}");

        var response = await App.SendAsync(request, App.Token("admin"));
        var list = await App.PostAsync("{ agencies { edges { node { name } } } }", token: App.Token("admin"));

        Assert.Equal(405, response.Status);
        Assert.Contains("METHOD_NOT_ALLOWED", response.ErrorCodes);
        Assert.DoesNotContain("via GET", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_that_ran_over_post_is_still_refused_over_get()
    {
        var name = "cached " + Guid.NewGuid().ToString("N")[..8];
        var mutation = $"mutation {{ registerAgency(input: {{name: \"{name}\", kind: OTHER}}) {{ errors {{ code }} }} }}";
        var posted = await App.PostAsync(mutation, token: App.Token("admin"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(mutation)}");

        var response = await App.SendAsync(request, App.Token("admin"));
        var list = await App.PostAsync("{ agencies(first: 100) { edges { node { name } } } }", token: App.Token("admin"));

        Assert.Empty(posted.ErrorCodes);
        Assert.Equal(405, response.Status);
        Assert.Single(list.Data!["agencies"]!["edges"]!.AsArray(), e => e!["node"]!["name"]!.GetValue<string>() == name);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "query=%7B__typename%7D")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n{ __typename }\r\n--x--")]
    [InlineData("text/plain", "{\"query\":\"{ __typename }\"}")]
    [InlineData("application/json; charset=latin1", "{\"query\":\"{ __typename }\"}")]
    public async Task Form_and_other_content_types_are_refused_with_415(string contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await App.SendAsync(request);

        Assert.Equal(415, response.Status);
        Assert.Contains("UNSUPPORTED_MEDIA_TYPE", response.ErrorCodes);
    }

    [Fact]
    public async Task A_syntax_error_is_400_without_data_for_graphql_response_json()
    {
        var response = await App.PostAsync("{", accept: "application/graphql-response+json");

        Assert.Equal(400, response.Status);
        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.False(response.HasData);
        Assert.Contains("SYNTAX_ERROR", response.ErrorCodes);
    }

    [Fact]
    public async Task A_validation_error_is_200_for_application_json()
    {
        var response = await App.PostAsync("{ noSuchField }", token: App.Token("admin"));

        Assert.Equal(200, response.Status);
        Assert.Contains("VALIDATION", response.ErrorCodes);
    }

    [Fact]
    public async Task Field_suggestions_are_not_given_outside_development()
    {
        var response = await App.PostAsync("{ viewr { role } }", token: App.Token("admin"));

        Assert.Contains("VALIDATION", response.ErrorCodes);
        Assert.DoesNotContain("Did you mean", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{ \"not json", Encoding.UTF8, "application/json"),
        };

        var response = await App.SendAsync(request);

        Assert.Equal(400, response.Status);
        Assert.Contains("BAD_REQUEST", response.ErrorCodes);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
        };

        var response = await App.SendAsync(request, accept: "application/xml");

        Assert.Equal(406, response.Status);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
        };

        var response = await App.SendAsync(request);

        Assert.Equal(405, response.Status);
    }

    [Fact]
    public async Task A_json_batch_answers_each_operation_in_order()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                """[{"query":"{ viewer { role } }"},{"query":"{ __typename }"},{"query":"{ nope }"}]""",
                Encoding.UTF8, "application/json"),
        };

        var response = await App.SendAsync(request, App.Token("logistics"));

        var results = response.Json!.AsArray();
        Assert.Equal(200, response.Status);
        Assert.Equal(3, results.Count);
        Assert.Equal("logistics", results[0]!["data"]!["viewer"]!["role"]!.GetValue<string>());
        Assert.Equal("Query", results[1]!["data"]!["__typename"]!.GetValue<string>());
        Assert.NotNull(results[2]!["errors"]);
    }
}
