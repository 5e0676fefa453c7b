using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Catalog;

public sealed class DefineItemTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string ReadBack = "query($code: String!) { item(code: $code) { code name packSize topClass } }";

    private MusterApp App => fixture.App;

    [Fact]
    public async Task Logistics_defines_an_item_and_any_role_reads_it_back_by_code()
    {
        var response = await App.PostAsync(CatalogCalls.Define, new
        {
            input = new { code = "1010101", name = "单帐篷", nameEn = "Single tent", unit = "顶", packSize = 2, category = "帐篷", shelfLifeDays = 1825 },
        }, App.Token("logistics"));
        var read = await App.PostAsync(ReadBack, new { code = "1010101" }, App.Token("partner", Guid.NewGuid()));

        var item = response.Data!["defineItem"]!["item"]!;
        Assert.Empty(CatalogCalls.Errors(response));
        Assert.Equal(
            ("1010101", "单帐篷", "Single tent", "顶", 2, "帐篷", "BASIC_LIVING", 1825),
            (item["code"]!.GetValue<string>(), item["name"]!.GetValue<string>(), item["nameEn"]!.GetValue<string>(),
             item["unit"]!.GetValue<string>(), item["packSize"]!.GetValue<int>(), item["category"]!.GetValue<string>(),
             item["topClass"]!.GetValue<string>(), item["shelfLifeDays"]!.GetValue<int>()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$", item["definedAt"]!.GetValue<string>());
        Assert.Equal("单帐篷", read.Data!["item"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_defines_an_item_with_only_the_required_fields_and_a_pack_of_one()
    {
        var response = await App.PostAsync(
            "mutation { defineItem(input: { code: \"3010101\", name: \"编织袋\", unit: \"条\" }) { item { packSize nameEn category shelfLifeDays topClass } errors { code } } }",
            token: App.Token("admin"));

        var item = response.Data!["defineItem"]!["item"]!;
        Assert.Equal(1, item["packSize"]!.GetValue<int>());
        Assert.Null(item["nameEn"]);
        Assert.Null(item["shelfLifeDays"]);
        Assert.Equal("ENGINEERING_MATERIALS", item["topClass"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_definition_of_a_code_is_a_CONFLICT_and_the_first_stands()
    {
        await CatalogCalls.DefineAsync(App, "2010101", "救生衣", "件");

        var again = await App.PostAsync(CatalogCalls.Define,
            new { input = new { code = "2010101", name = "另一件", unit = "件" } }, App.Token("admin"));
        var read = await App.PostAsync(ReadBack, new { code = "2010101" }, App.Token("commander"));

        var error = CatalogCalls.Errors(again).Single()!;
        Assert.Equal(("CONFLICT", "code"), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Null(again.Data!["defineItem"]!["item"]);
        Assert.Equal("救生衣", read.Data!["item"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("commander")]
    public async Task Partners_and_commanders_are_FORBIDDEN_and_nothing_is_defined(string role)
    {
        var response = await App.PostAsync(CatalogCalls.Define,
            new { input = new { code = "1020101", name = "棉被", unit = "床" } }, App.Token(role, Guid.NewGuid()));
        var read = await App.PostAsync(ReadBack, new { code = "1020101" }, App.Token("admin"));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Null(response.Data);
        Assert.Null(read.Data!["item"]);
    }

    [Theory]
    [InlineData("101010", 1, "code")]
    [InlineData("4010101", 1, "code")]
    [InlineData("1030101", 0, "packSize")]
    public async Task Bad_input_is_a_VALIDATION_error_on_its_field_and_nothing_is_defined(string code, int packSize, string field)
    {
        var response = await App.PostAsync(CatalogCalls.Define,
            new { input = new { code, name = "折叠床", unit = "张", packSize } }, App.Token("logistics"));
        var list = await App.PostAsync(CatalogCalls.Items, new { search = "折叠床" }, App.Token("logistics"));

        var error = CatalogCalls.Errors(response).Single()!;
        Assert.Equal(("VALIDATION", field), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Empty(CatalogCalls.Codes(list));
    }

    [Fact]
    public async Task The_history_records_who_defined_the_item()
    {
        var response = await App.PostAsync(CatalogCalls.Define,
            new { input = new { code = "2020101", name = "正压式空气呼吸器", unit = "套" } }, App.Token("logistics", subject: "li.na"));
        var id = response.Data!["defineItem"]!["item"]!["id"]!.GetValue<string>();

        var trail = await App.PostAsync(
            "query($of: ID!) { auditTrail(of: $of) { edges { node { eventType actor { subject } } } } }", new { of = id }, App.Token("admin"));

        var entry = trail.Data!["auditTrail"]!["edges"]!.AsArray().Single()!["node"]!;
        Assert.Equal(("item_defined", "li.na"), (entry["eventType"]!.GetValue<string>(), entry["actor"]!["subject"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reading_the_catalog_needs_a_token()
    {
        var response = await App.PostAsync(CatalogCalls.Items);

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }
}
