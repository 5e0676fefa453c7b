using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Catalog;

public sealed class SetMinimumStockTests(ItemCatalogFixture given) : IClassFixture<ItemCatalogFixture>
{
    public const string Set = """
        mutation($input: SetMinimumStockInput!) { setMinimumStock(input: $input) { item { code minimumStock } errors { code message field } } }
        """;

    private MusterApp App => given.App;

    [Fact]
    public async Task A_minimum_is_kept_on_the_item_and_zero_removes_it()
    {
        var set = await SetAsync("1010102", 300);
        var read = await MinimumAsync("1010102");
        var removed = await SetAsync("1010102", 0);

        Assert.Equal(300, set["item"]!["minimumStock"]!.GetValue<int>());
        Assert.Equal(300, read);
        Assert.Null(removed["item"]!["minimumStock"]);
        Assert.Null(await MinimumAsync("1010102"));
    }

    [Theory]
    [InlineData("1020101", -1, "VALIDATION", "minimum")]
    [InlineData("1020101", 1_000_000_001, "VALIDATION", "minimum")]
    [InlineData("1029999", 10, "NOT_FOUND", "itemCode")]
    [InlineData("10201", 10, "VALIDATION", "itemCode")]
    public async Task Bad_minimums_are_refused_with_their_code_and_change_nothing(string itemCode, int minimum, string code, string field)
    {
        await SetAsync("1020101", 80);

        var payload = await SetAsync(itemCode, minimum);

        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal((code, field), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Equal(80, await MinimumAsync("1020101"));
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("commander")]
    public async Task Only_admin_and_logistics_set_minimums(string role)
    {
        await SetAsync("2010101", 50);

        var response = await App.PostAsync(Set, new { input = new { itemCode = "2010101", minimum = 5 } }, App.Token(role, Guid.NewGuid()));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(50, await MinimumAsync("2010101"));
    }

    private async Task<JsonNode> SetAsync(string itemCode, int minimum)
    {
        var response = await App.PostAsync(Set, new { input = new { itemCode, minimum } }, App.Token("logistics"));
        return response.Data?["setMinimumStock"] ?? throw new InvalidOperationException(response.Text);
    }

    private async Task<int?> MinimumAsync(string code)
    {
        var response = await App.PostAsync("query($code: String!) { item(code: $code) { minimumStock } }", new { code }, App.Token("partner", Guid.NewGuid()));
        return response.Data!["item"]!["minimumStock"]?.GetValue<int>();
    }
}
