using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Interop;

/// <summary>A large stock sheet imported as a job: 202, progress to poll, the same report at the end, all or nothing.</summary>
public sealed class StockImportJobTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] States = ["validating", "applying", "done"];

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_large_sheet_imported_as_a_job_shows_rising_progress_and_ends_with_the_synchronous_report()
    {
        var depot = await DepotAsync("城区物资储备库 J1");
        string[] codes = ["1040101", "1040102", "1040103", "1040104", "1040105"];
        foreach (var code in codes)
        {
            await CatalogCalls.DefineAsync(App, code, "矿泉水 " + code, "箱");
        }

        var csv = new StringBuilder("itemCode,quantity,lot,expiresOn\n");
        for (var i = 0; i < 3000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{codes[i % codes.Length]},{1 + (i % 7)},L{i:D4},2031-06-30\n");
        }

        var dry = await ImportAsync(depot, csv.ToString(), "&dryRun=true");
        var eventsBefore = await App.EventCountAsync();
        var started = await ImportAsync(depot, csv.ToString(), preferAsync: true);
        var seen = await PollAsync(started.Location!);
        var eventsAfter = await App.EventCountAsync();
        var again = await GetAsync(started.Location!);

        Assert.Equal(202, started.Status);
        Assert.Matches("^/spreadsheets/stock-import/[0-9a-f-]{36}$", started.Location);
        Assert.Equal(3000, started.Json!["totalRows"]!.GetValue<int>());
        Assert.Equal("done", seen[^1]["state"]!.GetValue<string>());
        var checkedRows = seen.Select(s => s["rowsChecked"]!.GetValue<int>()).ToList();
        Assert.Equal(checkedRows.Order(), checkedRows);
        Assert.Equal(3000, checkedRows[^1]);
        var states = seen.Select(s => Array.IndexOf(States, s["state"]!.GetValue<string>())).ToList();
        Assert.DoesNotContain(-1, states);
        Assert.Equal(states.Order(), states);

        var report = seen[^1]["report"]!;
        Assert.Equal((false, true, 3000, 0), (report["dryRun"]!.GetValue<bool>(), report["applied"]!.GetValue<bool>(), report["validRows"]!.GetValue<int>(), report["invalidRows"]!.GetValue<int>()));
        Assert.Equal(dry.Json!.AsObject().Select(p => p.Key), report.AsObject().Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(dry.Json["rows"], report["rows"]));

        var expected = codes.ToDictionary(c => c, c => Enumerable.Range(0, 3000).Where(i => codes[i % codes.Length] == c).Sum(i => 1 + (i % 7)));
        Assert.Equal(expected, await OnHandAsync(depot));
        Assert.Equal(3000, eventsAfter - eventsBefore);
        Assert.Equal(200, again.Status);
        Assert.Equal("done", again.Json!["state"]!.GetValue<string>());
        Assert.Equal(eventsAfter, await App.EventCountAsync());
    }

    [Fact]
    public async Task A_job_with_a_bad_row_fails_with_the_row_report_and_changes_nothing()
    {
        var depot = await DepotAsync("城区物资储备库 J2");
        await CatalogCalls.DefineAsync(App, "2040101", "折叠床", "张");
        var csv = new StringBuilder("itemCode,quantity,lot\n");
        for (var i = 0; i < 600; i++)
        {
            csv.Append(i == 450 ? "2040101,many,X\n" : string.Create(CultureInfo.InvariantCulture, $"2040101,2,B{i:D3}\n"));
        }

        var started = await ImportAsync(depot, csv.ToString(), "&async=true");
        var seen = await PollAsync(started.Location!);

        Assert.Equal(202, started.Status);
        var last = seen[^1];
        Assert.Equal(("failed", 600), (last["state"]!.GetValue<string>(), last["rowsChecked"]!.GetValue<int>()));
        var report = last["report"]!;
        Assert.False(report["applied"]!.GetValue<bool>());
        var bad = report["rows"]!.AsArray().Where(r => r!["errors"]!.AsArray().Count > 0).ToList();
        Assert.Equal((452, "quantity"), (bad.Single()!["row"]!.GetValue<int>(), bad.Single()!["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Empty(await OnHandAsync(depot));
    }

    [Fact]
    public async Task Only_the_uploader_or_an_admin_can_read_a_job()
    {
        var depot = await DepotAsync("城区物资储备库 J3");
        await CatalogCalls.DefineAsync(App, "2040201", "手电筒", "个");
        var started = await ImportAsync(depot, "itemCode,quantity,lot\n2040201,5,C1\n", "&async=true");
        await PollAsync(started.Location!);

        var other = await GetAsync(started.Location!, App.Token("logistics", subject: "another-officer"));
        var admin = await GetAsync(started.Location!, App.Token("admin"));
        var anonymous = await GetAsync(started.Location!, token: "");
        var unknown = await GetAsync($"/spreadsheets/stock-import/{Guid.NewGuid()}");

        Assert.Equal(404, other.Status);
        Assert.Equal((200, "done"), (admin.Status, admin.Json!["state"]!.GetValue<string>()));
        Assert.Equal(401, anonymous.Status);
        Assert.Equal(404, unknown.Status);
    }

    /// <summary>Every answer of the job's address until it finishes.</summary>
    private async Task<List<JsonNode>> PollAsync(string location)
    {
        var seen = new List<JsonNode>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var (status, json) = await GetAsync(location);
            Assert.Equal(200, status);
            seen.Add(json!);
            if (json!["state"]!.GetValue<string>() is "done" or "failed")
            {
                return seen;
            }

            await Task.Delay(20); // polling a condition, not separating instants
        }

        throw new TimeoutException($"the job at {location} did not finish: {seen[^1].ToJsonString()}");
    }

    private async Task<(int Status, JsonNode? Json)> GetAsync(string path, string? token = null)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token != "")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? App.Token("logistics"));
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<(int Status, JsonNode? Json, string? Location)> ImportAsync(string depot, string csv, string query = "", bool preferAsync = false)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/spreadsheets/stock-import?depotId={depot}{query}")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", App.Token("logistics"));
        if (preferAsync)
        {
            request.Headers.Add("Prefer", "respond-async");
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()), response.Headers.Location?.OriginalString);
    }

    private async Task<string> DepotAsync(string name)
    {
        var agency = await AgencyCalls.RegisterAsync(App, name + " 单位", "BUREAU");
        return await DepotCalls.RegisterAsync(App, agency, name, 36.56, 111.71);
    }

    private async Task<Dictionary<string, int>> OnHandAsync(string depot)
    {
        var response = await App.PostAsync(StockCalls.Levels, new { depotId = depot }, App.Token("logistics"));
        return response.Data!["stockLevels"]!.AsArray().ToDictionary(l => l!["itemCode"]!.GetValue<string>(), l => l!["onHand"]!.GetValue<int>());
    }
}
