using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Jurisdictions;

/// <summary>The handbook as the bureau keeps it today, a spreadsheet: exported, edited, imported back all or nothing.</summary>
public sealed class HandbookSheetTests(HandbookSheetTests.Network fixture) : IClassFixture<HandbookSheetTests.Network>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>霍州市 with 白龙镇 (kept by its government, with a 党委书记) and 辛置镇.</summary>
    public sealed class Network : AppFixture
    {
        public string County { get; private set; } = "";
        public string BailongGovernment { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            BailongGovernment = await AgencyCalls.RegisterAsync(App, "白龙镇人民政府", "TOWNSHIP");
            County = await JurisdictionCalls.RegisterAsync(App, new { name = "霍州市", level = "COUNTY", boundary = JurisdictionCalls.CountyBoundary });
            await JurisdictionCalls.RegisterAsync(App, new
            {
                name = "白龙镇", level = "TOWNSHIP", parentId = County, seat = new { lat = 36.529, lon = 111.706 }, agencyId = BailongGovernment,
                responsiblePersons = new[] { new { role = "党委书记", name = "王某某", phone = "0357-0000101" } },
            });
            await JurisdictionCalls.RegisterAsync(App, new { name = "辛置镇", level = "TOWNSHIP", parentId = County, seat = new { lat = 36.493, lon = 111.72 } });
        }
    }

    private MusterApp App => fixture.App;

    [Fact]
    public async Task The_exported_handbook_edited_and_imported_back_changes_the_persons_to_call()
    {
        var exported = await DownloadAsync("/spreadsheets/handbook.xlsx", App.Token("commander"));
        var rows = MiniExcel.Query(new MemoryStream(exported), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["辖区"] == "霍州市/白龙镇" && (string?)r["职务"] == "党委书记" && (string?)r["电话"] == "0357-0000101");

        var edited = rows.Select(r => new Dictionary<string, object?>(r)).ToList();
        edited.Add(new() { ["辖区"] = "霍州市/白龙镇", ["层级"] = "乡镇街道", ["企业"] = "", ["职务"] = "镇长", ["姓名"] = "李某某", ["电话"] = "0357-0000102" });
        edited.Add(new() { ["辖区"] = "霍州市/辛置镇", ["层级"] = "乡镇街道", ["企业"] = "辛置煤矿", ["职务"] = "矿长", ["姓名"] = "孙某某", ["电话"] = "0357-0000201" });
        var (status, report) = await UploadAsync(Workbook(edited), Xlsx, App.Token("commander"));

        Assert.True(status == 200, report?.ToJsonString());
        var bailong = await JurisdictionCalls.AtAsync(App, 36.53, 111.70);
        Assert.Equal(["党委书记 王某某", "镇长 李某某"], bailong!["responsiblePersons"]!.AsArray().Select(p => $"{p!["role"]} {p["name"]}"));
        var xinzhi = await JurisdictionCalls.AtAsync(App, 36.49, 111.72);
        Assert.Equal("矿长", xinzhi!["enterprises"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "辛置煤矿")!["responsiblePersons"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_reports_every_one_by_row_and_column_and_imports_nothing()
    {
        var csv = """
            辖区,企业,职务,姓名,电话
            霍州市/白龙镇,,安全分管领导,赵某某,0357-0000103
            霍州市/不存在镇,,镇长,某某,0357-0000104
            霍州市/白龙镇,,镇长,,0357-0000105
            霍州市/白龙镇,,副镇长,钱某某,请拨打值班室
            """;
        var events = await App.EventCountAsync();

        var (status, report) = await UploadAsync(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", App.Token("admin"));

        Assert.Equal(422, status);
        Assert.False(report!["applied"]!.GetValue<bool>());
        Assert.Equal(["3 辖区", "4 姓名", "5 电话"], report["errors"]!.AsArray().Select(e => $"{e!["row"]} {e["column"]}"));
        Assert.Equal(events, await App.EventCountAsync());
    }

    [Fact]
    public async Task A_township_exports_and_imports_only_its_own_and_logistics_imports_nothing()
    {
        var township = App.Token("partner", fixture.BailongGovernment);
        var exported = await DownloadAsync("/spreadsheets/handbook.csv", township);
        var events = await App.EventCountAsync();

        var (otherStatus, other) = await UploadAsync(System.Text.Encoding.UTF8.GetBytes("辖区,职务,姓名,电话\n霍州市/辛置镇,镇长,某某,0357-0000301\n"), "text/csv", township);
        var (logisticsStatus, _) = await UploadAsync(System.Text.Encoding.UTF8.GetBytes("辖区,职务,姓名,电话\n霍州市/白龙镇,镇长,某某,0357-0000301\n"), "text/csv", App.Token("logistics"));

        var text = System.Text.Encoding.UTF8.GetString(exported);
        Assert.Contains("霍州市/白龙镇", text);
        Assert.DoesNotContain("辛置镇", text);
        Assert.Equal((422, "2 辖区"), (otherStatus, $"{other!["errors"]![0]!["row"]} {other["errors"]![0]!["column"]}"));
        Assert.Equal(403, logisticsStatus);
        Assert.Equal(events, await App.EventCountAsync());
    }

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows.ToList());
        return file.ToArray();
    }

    private async Task<(int Status, JsonNode? Json)> UploadAsync(byte[] body, string contentType, string token)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/spreadsheets/handbook")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<byte[]> DownloadAsync(string path, string token)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
