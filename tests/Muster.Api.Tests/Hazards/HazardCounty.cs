using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Muster.Agencies;
using Muster.Agencies.Registering;
using Muster.Api.Tests.Support;
using Muster.Jurisdictions;
using Muster.Jurisdictions.Registering;
using Muster.Spatial;

namespace Muster.Api.Tests.Hazards;

/// <summary>
/// Huozhou with two townships known by their seats, each kept by its government (白龙镇, 辛置镇), a partner agency
/// that keeps no jurisdiction (the Red Cross), and a clock the test moves.
/// </summary>
public sealed class HazardCounty : AppFixture
{
    public MovableClock Clock { get; } = new();

    public Guid Bailong { get; private set; }
    public Guid Xinzhi { get; private set; }
    public Guid BailongGovernment { get; private set; }
    public Guid XinzhiGovernment { get; private set; }
    public Guid RedCross { get; private set; }

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);

    protected override bool TestsRunTheJobs => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BailongGovernment = await AgencyAsync("白龙镇人民政府", AgencyKind.Township);
        XinzhiGovernment = await AgencyAsync("辛置镇人民政府", AgencyKind.Township);
        RedCross = await AgencyAsync("霍州市红十字会", AgencyKind.RedCross);
        var county = await JurisdictionAsync(new RegisterJurisdiction("霍州市", JurisdictionLevel.County, null, JurisdictionCalls.CountyBoundary, null, null));
        Bailong = await JurisdictionAsync(new RegisterJurisdiction("白龙镇", JurisdictionLevel.Township, county, null, new GeoPoint(36.529, 111.706), BailongGovernment));
        Xinzhi = await JurisdictionAsync(new RegisterJurisdiction("辛置镇", JurisdictionLevel.Township, county, null, new GeoPoint(36.478, 111.716), XinzhiGovernment));
    }

    public string Township(Guid government) => App.Token("partner", government);

    private async Task<Guid> AgencyAsync(string name, AgencyKind kind) =>
        (await Run<RegisterAgencyHandler, Agency>(h => h.Handle(new RegisterAgency(name, kind, null, null), default))).Id;

    private async Task<Guid> JurisdictionAsync(RegisterJurisdiction command) =>
        (await Run<RegisterJurisdictionHandler, Jurisdiction>(h => h.Handle(command, default))).Id;

    private async Task<T> Run<THandler, T>(Func<THandler, Task<Muster.Infrastructure.Result<T>>> act)
        where THandler : notnull
    {
        using var scope = App.Services.CreateScope();
        var result = await act(scope.ServiceProvider.GetRequiredService<THandler>());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }
}

public static class HazardCalls
{
    public const string SiteFields = "id name kind riskLevel location { lat lon } geometry jurisdictionId enterprise responsible { role name phone } incidentKinds";
    public const string DangerFields = "id site { id name } description severity deadline status responsiblePerson rectifiedAt rectifiedOnTime wentOverdueAt";

    public const string Register = $$"""mutation($input: RegisterHazardSiteInput!) { registerHazardSite(input: $input) { site { {{SiteFields}} } errors { code message field } } }""";
    public const string ChangeRiskLevel = """mutation($input: ChangeHazardSiteRiskLevelInput!) { changeHazardSiteRiskLevel(input: $input) { site { id riskLevel } errors { code message field } } }""";
    public const string Inspect = """mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { inspection { id at inspector findings site { id } } errors { code message field } } }""";
    public const string Report = $$"""mutation($input: ReportHiddenDangerInput!) { reportHiddenDanger(input: $input) { danger { {{DangerFields}} } errors { code message field } } }""";
    public const string Rectify = $$"""mutation($input: RectifyHiddenDangerInput!) { rectifyHiddenDanger(input: $input) { danger { {{DangerFields}} rectificationEvidence } errors { code message field } } }""";
    public const string Sites = $$"""query($riskLevel: RiskLevel, $jurisdictionId: ID, $kind: HazardSiteKind) { hazardSites(riskLevel: $riskLevel, jurisdictionId: $jurisdictionId, kind: $kind) { edges { node { {{SiteFields}} } } } }""";
    public const string Overdue = $$"""query { overdueRectifications { {{DangerFields}} } }""";

    /// <summary>A coal mine at a point in 白龙镇.</summary>
    public static object Mine(string name, double lat = 36.521, double lon = 111.683, string riskLevel = "RED") => new
    {
        name, kind = "COAL_MINE", riskLevel, location = new { lat, lon }, enterprise = "霍州煤电集团有限责任公司",
        responsible = new { role = "矿长", name = "矿长（示例）丁", phone = "0357-0000104" }, incidentKinds = new[] { "MINE_GAS_EXPLOSION", "MINE_FLOODING" },
    };

    public static async Task<JsonNode> CallAsync(MusterApp app, string mutation, object input, string token)
    {
        var response = await app.PostAsync(mutation, new { input }, token);
        return response.Data?.AsObject().Single().Value ?? throw new InvalidOperationException(response.Text);
    }

    public static async Task<string> RegisterAsync(MusterApp app, object input, string? token = null)
    {
        var payload = await CallAsync(app, Register, input, token ?? app.Token("commander"));
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["site"]!["id"]!.GetValue<string>();
    }

    public static async Task<string> ReportAsync(MusterApp app, string siteId, DateTimeOffset deadline, string? token = null, string description = "瓦斯抽采泵备用泵检修未完成")
    {
        var payload = await CallAsync(app, Report, new { siteId, description, severity = "MAJOR", deadline, responsiblePerson = "机电副矿长（示例）", evidenceNotes = "检查记录" },
            token ?? app.Token("commander"));
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["danger"]!["id"]!.GetValue<string>();
    }

    public static (string? Code, string? Field) Error(JsonNode payload) =>
        payload["errors"]!.AsArray().FirstOrDefault() is { } e ? (e["code"]!.GetValue<string>(), e["field"]?.GetValue<string>()) : (null, null);

    public static IReadOnlyList<string> Names(GraphQLResponse response) =>
        [.. response.Data!["hazardSites"]!["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>())];
}
