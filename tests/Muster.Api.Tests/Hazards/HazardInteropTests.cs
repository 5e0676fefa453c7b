using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Hazards.HazardCalls;

namespace Muster.Api.Tests.Hazards;

/// <summary>The ledger for GIS tools (OGC API Features) and for the bureau's spreadsheets (.xlsx out and in, all or nothing).</summary>
public sealed class HazardInteropTests(HazardCounty county) : IClassFixture<HazardCounty>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MusterApp App => county.App;

    [Fact]
    public async Task A_gis_client_gets_points_and_river_lines_with_their_colour_and_a_township_only_its_own()
    {
        await RegisterAsync(App, Mine("白龙煤矿 OGC测试"));
        await RegisterAsync(App, new
        {
            name = "汾河 OGC测试段", kind = "RIVER_SECTION", riskLevel = "YELLOW",
            geometry = """{"type":"LineString","coordinates":[[111.70,36.53],[111.705,36.51],[111.71,36.485]]}""",
        });

        var all = await OgcCalls.GetAsync(App, "/ogc/collections/hazard-sites/items", token: App.Token("commander"));
        var township = await OgcCalls.GetAsync(App, "/ogc/collections/hazard-sites/items", token: county.Township(county.XinzhiGovernment));
        var features = all.Json!["features"]!.AsArray();

        Assert.Equal(200, all.Status);
        var river = Assert.Single(features, f => f!["properties"]!["name"]!.GetValue<string>() == "汾河 OGC测试段")!;
        Assert.Equal(("LineString", "YELLOW"), (river["geometry"]!["type"]!.GetValue<string>(), river["properties"]!["riskLevel"]!.GetValue<string>()));
        Assert.Contains(features, f => f!["properties"]!["name"]!.GetValue<string>() == "白龙煤矿 OGC测试" && f["geometry"]!["type"]!.GetValue<string>() == "Point");
        Assert.DoesNotContain(township.Json!["features"]!.AsArray(), f => f!["properties"]!["name"]!.GetValue<string>() == "白龙煤矿 OGC测试");
    }

    [Fact]
    public async Task The_ledger_exports_to_xlsx_and_an_import_with_a_bad_row_reports_it_and_registers_nothing()
    {
        await RegisterAsync(App, Mine("白龙煤矿 表格导出测试"));
        var export = await GetAsync("/spreadsheets/hazard-ledger.xlsx", App.Token("logistics"));
        var exported = MiniExcel.Query(new MemoryStream(export), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var before = await App.EventCountAsync();

        var bad = await PostAsync(Sheet(
            new { 名称 = "白龙镇 导入尾矿库", 类型 = "TAILINGS_POND", 风险等级 = "橙色", 纬度 = "36.515", 经度 = "111.69", 责任人职务 = "库长", 责任人 = "库长（示例）", 责任人电话 = "0357-0000120" },
            new { 名称 = "白龙镇 导入水库", 类型 = "RESERVOIR", 风险等级 = "紫色", 纬度 = "36.52", 经度 = "111.70", 责任人职务 = "", 责任人 = "", 责任人电话 = "" },
            new { 名称 = "省外某点", 类型 = "OTHER", 风险等级 = "BLUE", 纬度 = "37.87", 经度 = "112.55", 责任人职务 = "", 责任人 = "", 责任人电话 = "" }), App.Token("commander"));
        var afterBad = await App.EventCountAsync();
        var good = await PostAsync(Sheet(
            new { 名称 = "白龙镇 导入尾矿库", 类型 = "TAILINGS_POND", 风险等级 = "橙色", 纬度 = "36.515", 经度 = "111.69", 责任人职务 = "库长", 责任人 = "库长（示例）", 责任人电话 = "0357-0000120" },
            new { 名称 = "白龙煤矿 表格导出测试", 类型 = "COAL_MINE", 风险等级 = "RED", 纬度 = "36.521", 经度 = "111.683", 责任人职务 = "", 责任人 = "", 责任人电话 = "" }), App.Token("commander"));
        var byLogistics = await PostAsync(Sheet(new { 名称 = "x", 类型 = "OTHER", 风险等级 = "BLUE", 纬度 = "36.52", 经度 = "111.70", 责任人职务 = "", 责任人 = "", 责任人电话 = "" }), App.Token("logistics"));
        var sites = Names(await App.PostAsync(Sites, new { kind = "TAILINGS_POND" }, App.Token("commander")));

        Assert.Contains(exported, r => (string)r["name"] == "白龙煤矿 表格导出测试" && (string)r["riskLevel"] == "RED" && (string)r["kind"] == "COAL_MINE");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        var rows = bad.Json!["rows"]!.AsArray();
        Assert.Equal(2, bad.Json!["invalidRows"]!.GetValue<int>());
        Assert.Equal((3, "riskLevel"), (rows[1]!["row"]!.GetValue<int>(), rows[1]!["errors"]![0]!["column"]!.GetValue<string>()));
        Assert.Equal((4, "lat/lon"), (rows[2]!["row"]!.GetValue<int>(), rows[2]!["errors"]![0]!["column"]!.GetValue<string>()));
        Assert.Equal(before, afterBad);
        Assert.Equal(HttpStatusCode.OK, good.Status);
        Assert.Equal((1, 1), (good.Json!["registered"]!.GetValue<int>(), good.Json!["present"]!.GetValue<int>()));
        Assert.Equal(["白龙镇 导入尾矿库"], sites);
        Assert.Equal(HttpStatusCode.Forbidden, byLogistics.Status);
    }

    private static byte[] Sheet(params object[] rows)
    {
        var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows);
        return file.ToArray();
    }

    private async Task<byte[]> GetAsync(string path, string token)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Json)> PostAsync(byte[] sheet, string token)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/spreadsheets/hazard-ledger") { Content = new ByteArrayContent(sheet) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null);
    }
}
