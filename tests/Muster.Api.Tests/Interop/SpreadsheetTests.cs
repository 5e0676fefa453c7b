using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Interop;

/// <summary>Stock sheets in (.csv, .xlsx: dry run, row-by-row report, all or nothing) and statements out.</summary>
public sealed class SpreadsheetTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_dry_run_reports_every_row_and_changes_nothing_then_the_import_receives_every_lot()
    {
        var depot = await DepotAsync("城区物资储备库 A");
        await CatalogCalls.DefineAsync(App, "1030101", "雨衣", "件");
        await CatalogCalls.DefineAsync(App, "1030102", "雨靴", "双");
        var csv = "itemCode,quantity,lot,expiresOn,note\n1030101,120,L2026-01,2031-06-30,采购\n1030102,40,,,\n1030101,30,L2026-02,2031-12-31,\n";

        var dry = await ImportAsync(depot, csv, "text/csv", "&dryRun=true");
        var between = await OnHandAsync(depot);
        var real = await ImportAsync(depot, csv, "text/csv");
        var after = await OnHandAsync(depot);

        Assert.Equal(200, dry.Status);
        Assert.Equal((true, false, 3), (dry.Json!["dryRun"]!.GetValue<bool>(), dry.Json["applied"]!.GetValue<bool>(), dry.Json["validRows"]!.GetValue<int>()));
        Assert.Equal([2, 3, 4], dry.Json["rows"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        Assert.Empty(between);
        Assert.Equal(200, real.Status);
        Assert.True(real.Json!["applied"]!.GetValue<bool>());
        Assert.Equal(new Dictionary<string, int> { ["1030101"] = 150, ["1030102"] = 40 }, after);
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_names_each_row_and_field_and_imports_none_of_it()
    {
        var depot = await DepotAsync("城区物资储备库 B");
        await CatalogCalls.DefineAsync(App, "2010101", "救生衣", "件");
        var csv = "itemCode,quantity,lot,expiresOn\n2010101,10,A1,2030-01-01\n9999999,5,A2,\n2010101,-3,A3,\n2010101,4,A4,31/12/2030\n";

        var response = await ImportAsync(depot, csv, "text/csv");

        Assert.Equal(422, response.Status);
        Assert.False(response.Json!["applied"]!.GetValue<bool>());
        var errors = response.Json["rows"]!.AsArray().Where(r => r!["errors"]!.AsArray().Count > 0)
            .ToDictionary(r => r!["row"]!.GetValue<int>(), r => r!["errors"]![0]!["field"]?.GetValue<string>());
        Assert.Equal(new Dictionary<int, string?> { [3] = "itemCode", [4] = "quantity", [5] = "expiresOn" }, errors);
        Assert.Empty(await OnHandAsync(depot));
    }

    [Fact]
    public async Task A_sheet_with_the_wrong_columns_or_a_partner_outside_its_depot_changes_nothing()
    {
        var depot = await DepotAsync("城区物资储备库 C");
        await CatalogCalls.DefineAsync(App, "2010102", "救生圈", "个");
        var stranger = await AgencyCalls.RegisterAsync(App, "辛置镇人民政府", "TOWNSHIP");

        var wrong = await ImportAsync(depot, "code,qty\n2010102,5\n", "text/csv");
        var partner = await ImportAsync(depot, "itemCode,quantity\n2010102,5\n", "text/csv", token: App.Token("partner", stranger));
        var commander = await ImportAsync(depot, "itemCode,quantity\n2010102,5\n", "text/csv", token: App.Token("commander"));

        Assert.Equal(400, wrong.Status);
        Assert.Contains("unknown column 'code'", wrong.Json!["error"]!.GetValue<string>());
        Assert.Contains("missing column 'itemCode'", wrong.Json!["error"]!.GetValue<string>());
        Assert.Equal(422, partner.Status);
        Assert.Equal("NOT_FOUND", partner.Json!["rows"]![0]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(403, commander.Status);
        Assert.Empty(await OnHandAsync(depot));
    }

    [Fact]
    public async Task A_count_in_a_workbook_becomes_corrections_seen_in_the_exported_levels_and_ledger()
    {
        var depot = await DepotAsync("城区物资储备库 D");
        await CatalogCalls.DefineAsync(App, "3010101", "编织袋", "条");
        await ImportAsync(depot, "itemCode,quantity,lot\n3010101,500,B1\n3010101,200,B2\n", "text/csv");
        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, new[] { new { 物资编码 = "3010101", 数量 = 480, 批号 = "B1" }, new { 物资编码 = "3010101", 数量 = 200, 批号 = "B2" } });

        var counted = await ImportAsync(depot, workbook.ToArray(), Xlsx, "&mode=count&reason=" + Uri.EscapeDataString("月末盘点"));
        var levels = await DownloadAsync($"/spreadsheets/stock-levels.xlsx?depotId={depot}");
        var ledger = await DownloadAsync($"/spreadsheets/depots/{depot}/ledger.csv");

        Assert.Equal(200, counted.Status);
        Assert.Equal([-20, 0], counted.Json!["rows"]!.AsArray().Select(r => r!["change"]!.GetValue<int>()));
        var rows = MiniExcel.Query(new MemoryStream(levels), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("680", Convert.ToString(rows.Single()["onHand"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("编织袋", rows.Single()["item"]);
        var text = Encoding.UTF8.GetString(ledger);
        Assert.StartsWith("itemCode,at,kind,quantity", text.TrimStart('\uFEFF'));
        Assert.Contains("COUNTED", text);
        Assert.Contains("月末盘点", text);
    }

    private async Task<string> DepotAsync(string name)
    {
        var agency = await AgencyCalls.RegisterAsync(App, name + " 单位", "BUREAU");
        return await DepotCalls.RegisterAsync(App, agency, name, 36.56, 111.71);
    }

    private Task<(int Status, JsonNode? Json)> ImportAsync(string depot, string csv, string contentType, string query = "", string? token = null) =>
        ImportAsync(depot, Encoding.UTF8.GetBytes(csv), contentType, query, token);

    private async Task<(int Status, JsonNode? Json)> ImportAsync(string depot, byte[] body, string contentType, string query = "", string? token = null)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/spreadsheets/stock-import?depotId={depot}{query}")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? App.Token("logistics"));
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<byte[]> DownloadAsync(string path)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", App.Token("logistics"));
        using var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<Dictionary<string, int>> OnHandAsync(string depot)
    {
        var response = await App.PostAsync(StockCalls.Levels, new { depotId = depot }, App.Token("logistics"));
        return response.Data!["stockLevels"]!.AsArray().ToDictionary(l => l!["itemCode"]!.GetValue<string>(), l => l!["onHand"]!.GetValue<int>());
    }
}
