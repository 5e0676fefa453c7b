using System.Diagnostics;
using System.Text;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Reports;

public sealed class FileIncidentReportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_commander_files_the_initial_report_drafted_from_the_timeline_and_gets_its_text_and_pdf()
    {
        var county = await JurisdictionCalls.RegisterAsync(App, new { name = "霍州市", level = "COUNTY", boundary = JurisdictionCalls.CountyBoundary });
        await JurisdictionCalls.RegisterAsync(App, new { name = "辛置镇", level = "TOWNSHIP", parentId = county, boundary = JurisdictionCalls.Square(36.58, 111.73) });
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队");
        await UnitCalls.RegisterAsync(App, agency, "开元街消防站一号车", 36.57, 111.72, capabilities: ["fire"]);
        var incident = await DispatchCalls.ReportAsync(App, "MINE_GAS_EXPLOSION", "III", 36.58, 111.73, "辛置镇某煤矿瓦斯爆炸");
        var proposal = await DispatchCalls.ProposeAsync(App, incident, new { units = new object[] { new { capability = "fire", count = 3 } } });
        Assert.True(proposal["proposal"] is not null, proposal.ToJsonString());
        var approved = await ApproveCalls.ApproveAsync(App, proposal["proposal"]!["id"]!.GetValue<string>());
        Assert.Empty(approved["errors"]!.AsArray());

        var draft = (await App.PostAsync(ReportCalls.Draft, new { id = incident }, App.Token("commander"))).Data!["draftIncidentReport"]!;
        var filed = await ReportCalls.FileAsync(App, incident, "INITIAL", new { deaths = 1, injured = 3, missing = 0, trapped = 5 },
            summary: "11月30日 9时，辛置镇某煤矿发生瓦斯爆炸，井下被困5人（值班员核实后修改）。");
        var listed = (await App.PostAsync(ReportCalls.Reports, new { id = incident }, App.Token("logistics"))).Data!["incidentReports"]!.AsArray();

        Assert.Equal(("INITIAL", "首报"), (draft["kind"]!.GetValue<string>(), draft["stage"]!.GetValue<string>()));
        Assert.Contains("开元街消防站一号车（消防车，6人）", draft["units"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Contains("具备fire能力的队伍2支", draft["shortages"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains("辛置镇某煤矿瓦斯爆炸", draft["summary"]!.GetValue<string>());
        Assert.Contains("批准调度方案", draft["measures"]!.GetValue<string>());
        Assert.Contains(draft["due"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "INITIAL" && d["dueByPhoneAt"] is not null);

        Assert.Empty(filed["errors"]!.AsArray());
        var report = Assert.Single(listed)!;
        Assert.Equal(filed["report"]!["id"]!.GetValue<string>(), report["id"]!.GetValue<string>());
        Assert.Equal(5, report["casualties"]!["trapped"]!.GetValue<int>());
        Assert.Equal("辛置镇", report["jurisdictionName"]!.GetValue<string>());
        Assert.StartsWith("11月30日 9时，辛置镇某煤矿发生瓦斯爆炸", report["summary"]!.GetValue<string>());
        var text = report["text"]!.GetValue<string>();
        foreach (var part in new[] { "标题：关于辛置镇某煤矿瓦斯爆炸的首报", "事发地点：辛置镇（北纬36.5800°，东经111.7300°）", "一、事件概况", "二、伤亡情况\n死亡1人，受伤3人，失踪0人，被困5人。", "三、已采取措施", "四、投入力量", "五、下一步工作" })
        {
            Assert.Contains(part, text);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, report["pdfUrl"]!.GetValue<string>());
        request.Headers.Authorization = new("Bearer", App.Token("commander"));
        using var pdf = await App.CreateClient().SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-", raw);
        Assert.Contains("/FontFile2", raw); // the TrueType font is embedded
        Assert.Contains("/ToUnicode", raw); // and its text can be copied out
        var pdfText = await PdfTextAsync(bytes);
        Assert.Contains("辛置镇某煤矿瓦斯爆炸", pdfText);
        Assert.Contains("死亡1人，受伤3人，失踪0人，被困5人。", pdfText); // digits come from the Latin font
        Assert.Contains("Ⅲ级（较大）", pdfText);
    }

    [Fact]
    public async Task Reports_follow_their_stages_and_a_wrong_stage_is_refused_naming_the_field_and_writing_nothing()
    {
        var incident = await DispatchCalls.ReportAsync(App, "FLOOD", "II", 36.55, 111.70, "汾河霍州段洪水漫堤");
        var followUpFirst = await Refused(incident, "FOLLOW_UP");
        Assert.Empty((await ReportCalls.FileAsync(App, incident, "INITIAL"))["errors"]!.AsArray());
        var secondInitial = await Refused(incident, "INITIAL");
        var finalWhileOpen = await Refused(incident, "FINAL");
        var negative = await Refused(incident, "FOLLOW_UP", new { deaths = -1, injured = 0, missing = 0, trapped = 0 });
        var followUp = await ReportCalls.FileAsync(App, incident, "FOLLOW_UP", new { deaths = 0, injured = 2, missing = 1, trapped = 0 });
        Assert.Empty((await ApproveCalls.CloseAsync(App, incident, "洪水退去，群众已安置"))["errors"]!.AsArray());
        var followUpClosed = await Refused(incident, "FOLLOW_UP");
        var final = await ReportCalls.FileAsync(App, incident, "FINAL");
        var initialAfterFinal = await Refused(incident, "INITIAL");
        var followUpAfterFinal = await Refused(incident, "FOLLOW_UP");
        var listed = (await App.PostAsync(ReportCalls.Reports, new { id = incident }, App.Token("commander"))).Data!["incidentReports"]!.AsArray();
        var deadlines = (await App.PostAsync(ReportCalls.Deadlines, new { id = incident }, App.Token("commander"))).Data!["reportDeadlines"]!.AsArray();

        Assert.Equal(("INVALID_STATE", "kind"), followUpFirst);
        Assert.Equal(("INVALID_STATE", "kind"), secondInitial);
        Assert.Equal(("INVALID_STATE", "kind"), finalWhileOpen);
        Assert.Equal(("VALIDATION", "casualties.deaths"), negative);
        Assert.Equal("续报（第1次）", followUp["report"]!["stage"]!.GetValue<string>());
        Assert.Equal(("INVALID_STATE", "kind"), followUpClosed);
        Assert.Empty(final["errors"]!.AsArray());
        Assert.Contains("应急响应结束", final["report"]!["measures"]!.GetValue<string>());
        Assert.Equal(1, final["report"]!["casualties"]!["missing"]!.GetValue<int>()); // carried over from the follow-up
        Assert.Equal(("INVALID_STATE", "kind"), initialAfterFinal);
        Assert.Equal(("INVALID_STATE", "kind"), followUpAfterFinal);
        Assert.Equal(["INITIAL", "FOLLOW_UP", "FINAL"], listed.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Empty(deadlines);
    }

    [Fact]
    public async Task Logistics_reads_reports_but_files_none_and_partners_see_none()
    {
        var incident = await DispatchCalls.ReportAsync(App, "LANDSLIDE", "IV", 36.60, 111.75, "陶唐峪乡山体滑坡");
        var filed = await ReportCalls.FileAsync(App, incident, "INITIAL", token: App.Token("admin"));
        var pdfUrl = filed["report"]!["pdfUrl"]!.GetValue<string>();
        var before = await App.EventCountAsync();

        var byLogistics = await App.PostAsync(ReportCalls.File, new { input = new { incidentId = incident, kind = "FOLLOW_UP" } }, App.Token("logistics"));
        var byPartner = await App.PostAsync(ReportCalls.File, new { input = new { incidentId = incident, kind = "FOLLOW_UP" } }, App.Token("partner", Guid.NewGuid()));
        var partnerReads = await App.PostAsync(ReportCalls.Reports, new { id = incident }, App.Token("partner", Guid.NewGuid()));
        var partnerOverdue = await App.PostAsync(ReportCalls.Overdue, null, App.Token("partner", Guid.NewGuid()));
        var logisticsReads = await App.PostAsync(ReportCalls.Reports, new { id = incident }, App.Token("logistics"));

        Assert.Contains("FORBIDDEN", byLogistics.ErrorCodes);
        Assert.Contains("FORBIDDEN", byPartner.ErrorCodes);
        Assert.Contains("FORBIDDEN", partnerReads.ErrorCodes);
        Assert.Contains("FORBIDDEN", partnerOverdue.ErrorCodes);
        Assert.Single(logisticsReads.Data!["incidentReports"]!.AsArray());
        Assert.Equal(before, await App.EventCountAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, await PdfStatusAsync(pdfUrl, App.Token("logistics")));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await PdfStatusAsync(pdfUrl, App.Token("partner", Guid.NewGuid())));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, await PdfStatusAsync(pdfUrl, null));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, await PdfStatusAsync("/reports/" + Ids.Unknown("IncidentReport") + ".pdf", App.Token("commander")));
    }

    private async Task<(string?, string?)> Refused(string incident, string kind, object? casualties = null)
    {
        var before = await App.EventCountAsync();
        var payload = await ReportCalls.FileAsync(App, incident, kind, casualties);
        Assert.Null(payload["report"]);
        Assert.Equal(before, await App.EventCountAsync());
        return ReportCalls.Error(payload);
    }

    private async Task<System.Net.HttpStatusCode> PdfStatusAsync(string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await App.CreateClient().SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The PDF's text as poppler's pdftotext reads it (./test.sh installs poppler-utils).</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
