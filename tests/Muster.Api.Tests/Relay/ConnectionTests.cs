using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Relay;

/// <summary>Relay paging on the agencies list: forwards, backwards, totals, and the page-size cap.</summary>
public sealed class ConnectionTests(ConnectionTests.FiveAgencies fixture) : IClassFixture<ConnectionTests.FiveAgencies>
{
    public sealed class FiveAgencies : AppFixture
    {
        public static readonly string[] Names = ["A 大队", "B 大队", "C 大队", "D 大队", "E 大队"];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var name in Names)
            {
                await AgencyCalls.RegisterAsync(App, name);
            }
        }
    }

    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String) {
          agencies(first: $first, after: $after, last: $last, before: $before) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { name } }
          }
        }
        """;

    private MusterApp App => fixture.App;

    [Fact]
    public async Task Paging_forwards_walks_every_agency_once_in_name_order()
    {
        var names = new List<string>();
        string? after = null;
        JsonNode page;
        do
        {
            page = await PageAsync(new { first = 2, after });
            names.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>()));
            after = page["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        Assert.Equal(FiveAgencies.Names, names);
        Assert.Equal(5, page["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Paging_backwards_gives_the_last_items_before_a_cursor()
    {
        var all = await PageAsync(new { first = 5 });
        var fourth = all["edges"]![3]!["cursor"]!.GetValue<string>();

        var page = await PageAsync(new { last = 2, before = fourth });

        Assert.Equal(["B 大队", "C 大队"], page["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>()));
        Assert.True(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_page_larger_than_the_cap_is_refused()
    {
        var response = await App.PostAsync(Page, new { first = 101 }, App.Token("admin"));

        Assert.Contains("VALIDATION", response.ErrorCodes);
    }

    [Fact]
    public async Task A_made_up_cursor_is_refused()
    {
        var response = await App.PostAsync(Page, new { first = 2, after = "bm9wZQ" }, App.Token("admin"));

        Assert.Contains("VALIDATION", response.ErrorCodes);
    }

    private async Task<JsonNode> PageAsync(object variables)
    {
        var response = await App.PostAsync(Page, variables, App.Token("admin"));
        Assert.Empty(response.ErrorCodes);
        return response.Data!["agencies"]!;
    }
}
