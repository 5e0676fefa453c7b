using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Catalog;

public sealed class ItemQueriesTests(ItemCatalogFixture fixture) : IClassFixture<ItemCatalogFixture>
{
    private MusterApp App => fixture.App;

    private Task<GraphQLResponse> Items(object variables, string role = "partner") =>
        App.PostAsync(CatalogCalls.Items, variables, App.Token(role, Guid.NewGuid()));

    [Fact]
    public async Task The_catalog_lists_every_item_by_code()
    {
        var response = await Items(new { });

        Assert.Equal(ItemCatalogFixture.Items.Select(i => i.Code).Order(StringComparer.Ordinal), CatalogCalls.Codes(response));
        Assert.Equal(8, response.Data!["items"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("1", new[] { "1010101", "1010102", "1010201", "1020101" })]
    [InlineData("101", new[] { "1010101", "1010102", "1010201" })]
    [InlineData("10101", new[] { "1010101", "1010102" })]
    [InlineData("3020101", new[] { "3020101" })]
    [InlineData("39", new string[0])]
    public async Task A_code_prefix_narrows_to_that_class(string codePrefix, string[] codes) =>
        Assert.Equal(codes, CatalogCalls.Codes(await Items(new { codePrefix })));

    [Fact]
    public async Task A_top_class_narrows_to_its_items() =>
        Assert.Equal(["2010101", "2010102"], CatalogCalls.Codes(await Items(new { topClass = "EMERGENCY_EQUIPMENT" })));

    [Theory]
    [InlineData("帐篷", new[] { "1010101", "1010102" })]
    [InlineData("life", new[] { "2010101", "2010102" })]
    [InlineData("  PUMP ", new[] { "3020101" })]
    [InlineData("%", new string[0])]
    [InlineData("_", new string[0])]
    public async Task Search_finds_text_in_name_or_English_name_in_any_case(string search, string[] codes) =>
        Assert.Equal(codes, CatalogCalls.Codes(await Items(new { search })));

    [Fact]
    public async Task Filters_combine() =>
        Assert.Equal(["1010102"], CatalogCalls.Codes(await Items(new { codePrefix = "1", search = "cotton" })));

    [Fact]
    public async Task Pages_follow_on_by_cursor()
    {
        var first = await Items(new { first = 3 });
        var cursor = first.Data!["items"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await Items(new { first = 3, after = cursor });
        var tail = await App.PostAsync("{ items(last: 2) { edges { node { code } } pageInfo { hasPreviousPage } } }", token: App.Token("commander"));

        Assert.Equal(["1010101", "1010102", "1010201"], CatalogCalls.Codes(first));
        Assert.True(first.Data!["items"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["1020101", "2010101", "2010102"], CatalogCalls.Codes(second));
        Assert.Equal(["3010101", "3020101"], CatalogCalls.Codes(tail));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1a")]
    [InlineData("10101010")]
    [InlineData(" 1")]
    public async Task A_code_prefix_that_is_not_1_to_7_digits_is_a_VALIDATION_error(string codePrefix) =>
        Assert.Equal(["VALIDATION"], (await Items(new { codePrefix })).ErrorCodes);

    [Fact]
    public async Task Item_by_code_answers_the_item_or_null_and_refuses_a_malformed_code()
    {
        const string query = "query($code: String!) { item(code: $code) { id code unit topClass } }";

        var found = await App.PostAsync(query, new { code = "1020101" }, App.Token("logistics"));
        var missing = await App.PostAsync(query, new { code = "1999999" }, App.Token("logistics"));
        var malformed = await App.PostAsync(query, new { code = "abc" }, App.Token("logistics"));

        Assert.Equal(fixture.Ids["1020101"], found.Data!["item"]!["id"]!.GetValue<string>());
        Assert.Equal("床", found.Data!["item"]!["unit"]!.GetValue<string>());
        Assert.Null(missing.Data!["item"]);
        Assert.Equal(["VALIDATION"], malformed.ErrorCodes);
    }

    [Fact]
    public async Task Node_fetches_an_item_by_its_global_id()
    {
        var id = fixture.Ids["2010102"];

        var response = await App.PostAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Item { code nameEn } } }",
            new { ids = new[] { id, Ids.Unknown("Item") } }, App.Token("partner", Guid.NewGuid()));

        var nodes = response.Data!["nodes"]!.AsArray();
        Assert.Equal(("Item", "2010102", "LIFEBUOY"),
            (nodes[0]!["__typename"]!.GetValue<string>(), nodes[0]!["code"]!.GetValue<string>(), nodes[0]!["nameEn"]!.GetValue<string>()));
        Assert.Equal(id, nodes[0]!["id"]!.GetValue<string>());
        Assert.Null(nodes[1]);
    }
}
