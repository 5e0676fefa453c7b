using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Muster.Api.Interop.Edxl;
using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.EdxlMessages;

namespace Muster.Api.Tests.Interop;

/// <summary>EDXL-RM 1.0 messages in and out, through the same handlers and rules as GraphQL; every answer validates against the XSD.</summary>
public sealed class EdxlRmTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly XNamespace Ns = EdxlReader.Namespace;

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_RequestResource_becomes_a_supply_request_whose_allocation_comes_back_as_CommitResource_and_its_shortfall_as_ResponseToRequestResource()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局 EDXL", "BUREAU");
        var depot = await DepotCalls.RegisterAsync(App, agency, "城区共用储备库", 36.57, 111.71, shared: true);
        await CatalogCalls.DefineAsync(App, "1030101", "雨衣", "件");
        await CatalogCalls.DefineAsync(App, "1030102", "雨靴", "双");
        await App.PostAsync(StockCalls.Receive, new { input = new { depotId = depot, itemCode = "1030101", quantity = 100, lot = "L1" } }, App.Token("logistics"));

        var (status, answer, requestId) = await PostAsync(RequestResource("msg-1", ("1", "1030101", 80), ("2", "1030102", 5)), App.Token("commander"));
        var allocated = await App.PostAsync(RequestCalls.Allocate, new { input = new { requestId } }, App.Token("logistics"));
        var commit = await GetAsync($"/edxl-rm/supply-requests/{requestId}/commit");
        var response = await GetAsync($"/edxl-rm/supply-requests/{requestId}/response");

        Assert.Equal(200, status);
        Assert.Equal("ResponseToRequestResource", answer!.Root!.Name.LocalName);
        Assert.Equal("msg-1", answer.Root.Element(Ns + "OriginatingMessageID")!.Value);
        Assert.Empty(allocated.Data!["allocateSupplyRequest"]!["errors"]!.AsArray());
        Assert.Equal("CommitResource", commit!.Root!.Name.LocalName);
        var committed = commit.Root.Elements(Ns + "ResourceInformation").Single();
        Assert.Equal("1030101", committed.Element(Ns + "Resource")!.Element(Ns + "TypeStructure")!.Element(Ns + "Value")!.Value);
        Assert.Equal("城区共用储备库", committed.Element(Ns + "Resource")!.Element(Ns + "TypeInfo")!.Value);
        Assert.Equal("80", committed.Descendants(Ns + "Amount").Single().Value);
        var answers = response!.Root!.Elements(Ns + "ResourceInformation")
            .Select(r => (r.Descendants(Ns + "ResponseType").Single().Value, r.Descendants(Ns + "Amount").Single().Value)).ToList();
        Assert.Equal([("Accepted", "80"), ("Unavailable", "5")], answers);
    }

    [Fact]
    public async Task A_deployment_status_report_changes_the_unit_by_the_same_rules_as_changeUnitStatus()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队 EDXL");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市人民医院 EDXL", "MEDICAL");
        var unit = await UnitCalls.RegisterAsync(App, agency, "城区消防站 水罐车", 36.57, 111.71);

        var wrongJump = await PostRawAsync(StatusReport(unit, "ON_SCENE"), App.Token("partner", agency));
        var stranger = await PostRawAsync(StatusReport(unit, "OUT_OF_SERVICE"), App.Token("partner", other));
        var unknownValue = await PostRawAsync(StatusReport(unit, "OnScene"), App.Token("partner", agency));
        var own = await PostRawAsync(StatusReport(unit, "OUT_OF_SERVICE"), App.Token("partner", agency));
        var now = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on RescueUnit { status } } }", new { id = unit }, App.Token("commander"));

        Assert.Equal(422, wrongJump.Status);
        Assert.Contains("a unit AVAILABLE cannot become ON_SCENE; it can become ASSIGNED, EN_ROUTE, OUT_OF_SERVICE", wrongJump.Text);
        Assert.Equal(403, stranger.Status);
        Assert.Equal(400, unknownValue.Status);
        Assert.Contains("OUT_OF_SERVICE", unknownValue.Text);
        Assert.Equal(200, own.Status);
        Assert.Equal("OUT_OF_SERVICE", now.Data!["node"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><RequestResource xmlns=\"urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg\"><MessageID>&x;</MessageID></RequestResource>", "DTD")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><RequestResource xmlns=\"urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg\"><MessageID>&lol3;</MessageID></RequestResource>", "DTD")]
    [InlineData("<RequestResource xmlns=\"urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg\"><SentDateTime>2026-11-30T08:00:00+08:00</SentDateTime></RequestResource>", "MessageID")]
    [InlineData("<RequestResource xmlns=\"urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg\"><MessageID>1</MessageID>", "well-formed")]
    [InlineData("<Other xmlns=\"urn:example\"/>", "Other")]
    public async Task Malformed_invalid_or_entity_laden_messages_are_refused_and_request_nothing(string xml, string explanation)
    {
        var before = await CountRequestsAsync();

        var (status, _, text) = await PostRawAsync(xml, App.Token("commander"));

        Assert.Equal(400, status);
        Assert.Contains(explanation, text);
        Assert.DoesNotContain("root:", text);
        Assert.Equal(before, await CountRequestsAsync());
    }

    private static string StatusReport(string unitId, string status) => new XElement(Ns + "ReportResourceDeploymentStatus",
        new XElement(Ns + "MessageID", "status-" + Guid.NewGuid().ToString("N")),
        new XElement(Ns + "SentDateTime", "2026-11-30T08:00:00+08:00"),
        new XElement(Ns + "MessageContentType", "ReportResourceDeploymentStatus"),
        new XElement(Ns + "ResourceInformation",
            new XElement(Ns + "ResourceInfoElementID", "1"),
            new XElement(Ns + "Resource",
                new XElement(Ns + "ResourceID", unitId),
                new XElement(Ns + "ResourceStatus", new XElement(Ns + "DeploymentStatus", new XElement(Ns + "Value", status)))))).ToString();

    /// <summary>Posts a message; the answer, when XML, must itself pass the XSD (the round trip).</summary>
    private async Task<(int Status, XDocument? Answer, string? RequestId)> PostAsync(string xml, string token)
    {
        var (status, headers, text) = await PostRawAsync(xml, token);
        return (status, Validated(text, headers.Content.Headers.ContentType?.MediaType), headers.Headers.TryGetValues("X-Muster-Supply-Request", out var ids) ? ids.Single() : null);
    }

    private async Task<(int Status, HttpResponseMessage Headers, string Text)> PostRawAsync(string xml, string token)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/edxl-rm") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response, await response.Content.ReadAsStringAsync());
    }

    private async Task<XDocument?> GetAsync(string path)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", App.Token("commander"));
        using var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return Validated(await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static XDocument? Validated(string text, string? mediaType)
    {
        if (mediaType != "application/xml")
        {
            return null;
        }

        var (document, problems) = EdxlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + text);
        return document;
    }

    private async Task<int> CountRequestsAsync() =>
        (await App.PostAsync("{ supplyRequests { totalCount } }", token: App.Token("admin"))).Data!["supplyRequests"]!["totalCount"]!.GetValue<int>();
}
