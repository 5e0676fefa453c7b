using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Duty;

public sealed class DutyRosterSheetTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MusterApp App => fixture.App;

    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_roster_sheet_with_a_bad_row_is_reported_row_by_row_and_imports_nothing_and_a_good_one_imports_every_shift()
    {
        var day = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(3).Date, TimeSpan.Zero).AddMinutes(30); // 08:30 in Shanghai
        var rows = new[]
        {
            new Dictionary<string, object?> { ["开始时间"] = Local(day), ["结束时间"] = Local(day.AddDays(1)), ["带班领导"] = "值班领导甲", ["带班领导电话"] = "0357-5550001", ["值班员1"] = "值班员甲", ["值班员1电话"] = "0357-5550101" },
            new Dictionary<string, object?> { ["开始时间"] = Local(day.AddDays(1)), ["结束时间"] = Local(day.AddDays(2)), ["带班领导"] = "值班领导乙", ["带班领导电话"] = "0357-5550002", ["值班员1"] = "值班员乙", ["值班员1电话"] = "打电话" },
            new Dictionary<string, object?> { ["开始时间"] = Local(day.AddHours(12)), ["结束时间"] = Local(day.AddDays(1).AddHours(12)), ["带班领导"] = "值班领导丙", ["带班领导电话"] = "0357-5550003", ["值班员1"] = "值班员丙", ["值班员1电话"] = "0357-5550103" },
        };
        var events = await App.EventCountAsync();

        var (badStatus, bad) = await ImportAsync(Workbook(rows), App.Token("commander"));
        var afterBad = await App.EventCountAsync();
        var (logisticsStatus, _) = await ImportAsync(Workbook(rows[..1]), App.Token("logistics"));
        var (goodStatus, good) = await ImportAsync(Workbook(rows[..1].Append(rows[1]).Select(r => new Dictionary<string, object?>(r) { ["值班员1电话"] = r["值班员1电话"] is "打电话" ? "0357-5550102" : r["值班员1电话"] })), App.Token("commander"));
        var shifts = await App.PostAsync("query($from: DateTime) { dutyShifts(from: $from) { leader { name } officers { phone } startsAt } }", new { from = DutyCalls.Iso(day) }, App.Token("logistics"));
        var (exportStatus, exported) = await DownloadAsync($"/spreadsheets/duty-roster.xlsx?from={Uri.EscapeDataString(DutyCalls.Iso(day))}", App.Token("logistics"));
        var (partnerStatus, _) = await DownloadAsync("/spreadsheets/duty-roster.xlsx", App.Token("partner", Guid.NewGuid()));

        Assert.Equal(422, badStatus);
        var errors = bad!["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Equal([(3, "officer1Phone"), (4, "startsAt")], errors); // row 4 overlaps row 2
        Assert.Equal(events, afterBad);
        Assert.Equal(403, logisticsStatus);
        Assert.Equal(200, goodStatus);
        Assert.Equal(2, good!["shifts"]!.GetValue<int>());
        Assert.Equal(["值班领导甲", "值班领导乙"], shifts.Data!["dutyShifts"]!.AsArray().Select(s => s!["leader"]!["name"]!.GetValue<string>()));
        Assert.Equal(200, exportStatus);
        var sheet = MiniExcel.Query(new MemoryStream(exported), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["值班领导甲", "值班领导乙"], sheet.Select(r => r["leader"].ToString()));
        Assert.StartsWith(Local(day).Replace(' ', 'T'), sheet[0]["startsAt"].ToString(), StringComparison.Ordinal);
        Assert.Equal(403, partnerStatus);
    }

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows.Select(r => (IDictionary<string, object?>)r).ToList());
        return file.ToArray();
    }

    private async Task<(int Status, JsonNode? Json)> ImportAsync(byte[] body, string token)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/spreadsheets/duty-roster")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(Xlsx) } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<(int Status, byte[] Body)> DownloadAsync(string path, string token)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }
}
