using System.Data;
using System.Globalization;
using System.Text.Json.Nodes;
using Marten;
using MiniExcelLibs;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Interop.Spreadsheets;
using Muster.Hazards;
using Muster.Hazards.Importing;
using Muster.Hazards.Registering;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Api.Hazards;

/// <summary>
/// The hazard ledger as a workbook, at <c>/spreadsheets/hazard-ledger</c>: GET <c>.xlsx</c> (or <c>.csv</c>) exports the
/// sites the caller sees; POST an .xlsx registers the sites of its rows, all or none, with a report of every bad row
/// (row, column, message). Headers in English as exported, or as the bureau's forms write them (名称, 类型, 风险等级…).
/// </summary>
public static class HazardLedgerSheets
{
    public static readonly IReadOnlyList<string> Columns =
        ["id", "name", "kind", "riskLevel", "lat", "lon", "geometry", "jurisdictionId", "enterprise", "responsibleRole", "responsibleName", "responsiblePhone", "incidentKinds"];

    private static readonly string[] Required = ["name", "kind", "riskLevel"];

    private static readonly char[] ListSeparators = [';', ',', '，', '；'];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["名称"] = "name", ["类型"] = "kind", ["风险等级"] = "riskLevel", ["纬度"] = "lat", ["经度"] = "lon", ["几何"] = "geometry",
        ["所属企业"] = "enterprise", ["责任人职务"] = "responsibleRole", ["责任人"] = "responsibleName", ["责任人电话"] = "responsiblePhone",
        ["可能引发事件"] = "incidentKinds",
    };

    private static readonly Dictionary<string, RiskLevel> Colours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["红"] = RiskLevel.Red, ["红色"] = RiskLevel.Red, ["橙"] = RiskLevel.Orange, ["橙色"] = RiskLevel.Orange,
        ["黄"] = RiskLevel.Yellow, ["黄色"] = RiskLevel.Yellow, ["蓝"] = RiskLevel.Blue, ["蓝色"] = RiskLevel.Blue,
    };

    public static IEndpointRouteBuilder MapHazardLedgerSheets(this IEndpointRouteBuilder sheets)
    {
        sheets.MapGet("/hazard-ledger.{format}", ExportAsync);
        sheets.MapPost("/hazard-ledger", ImportAsync);
        return sheets;
    }

    public static async Task<IResult> ExportAsync(string format, HttpContext http, IQuerySession session)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } viewer)
        {
            return Problem(401, "a bearer token is required");
        }

        if (SheetFormat.ByExtension(format) is not { } sheet)
        {
            return Problem(404, "ask for .xlsx or .csv");
        }

        var scope = await HazardNodes.ScopeAsync(viewer, http.RequestServices, http.RequestAborted);
        var sites = await HazardQueries.Visible(session.Query<HazardSite>(), scope).OrderBy(s => s.RiskLevel).ThenBy(s => s.Name).ToListAsync(http.RequestAborted);
        using var table = new DataTable("hazard-ledger") { Locale = CultureInfo.InvariantCulture };
        foreach (var column in Columns)
        {
            table.Columns.Add(column, typeof(object));
        }

        foreach (var s in sites)
        {
            table.Rows.Add(
                GlobalId.Encode(HazardSiteType.TypeName, s.Id), s.Name, ApiName.Of(s.Kind), ApiName.Of(s.RiskLevel), s.Location.Lat, s.Location.Lon,
                s.Line is null ? DBNull.Value : HazardGeoJson.Geometry(s).ToJsonString(), GlobalId.Encode(HazardGraphIds.Jurisdiction, s.JurisdictionId),
                (object?)s.Enterprise ?? DBNull.Value, (object?)s.Responsible?.Role ?? DBNull.Value, (object?)s.Responsible?.Name ?? DBNull.Value,
                (object?)s.Responsible?.Phone ?? DBNull.Value, string.Join("; ", s.IncidentKinds.Select(k => ApiName.Of(k))));
        }

        var file = new MemoryStream();
        MiniExcel.SaveAs(file, table, excelType: sheet.Type, sheetName: "hazard-ledger");
        file.Position = 0;
        return Results.File(file, sheet.ContentType, $"hazard-ledger.{sheet.Extension}");
    }

    public static async Task<IResult> ImportAsync(HttpContext http, ImportHazardSitesHandler handler)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } actor)
        {
            return Problem(401, "a bearer token is required");
        }

        if (!actor.IsIn(Role.Admin, Role.Commander, Role.Partner))
        {
            return Problem(403, "the hazard ledger is kept by admin, commanders, and a township for its own jurisdiction");
        }

        var (file, format, refusal) = await SheetUpload.ReadAsync(http.Request);
        if (refusal is not null)
        {
            return refusal;
        }

        using var sheet = file!;
        var (rows, error) = Read(sheet, format!);
        if (rows is null)
        {
            return Problem(400, error!);
        }

        var result = await handler.Handle(rows, http.RequestAborted);
        if (!result.Succeeded)
        {
            return Problem(409, result.Errors[0].Message);
        }

        var report = result.Value!;
        return Results.Json(new JsonObject
        {
            ["applied"] = report.Applied,
            ["registered"] = report.Registered,
            ["present"] = report.Present,
            ["invalidRows"] = report.InvalidRows,
            ["rows"] = new JsonArray([.. report.Rows.Select(r => new JsonObject
            {
                ["row"] = r.Row,
                ["name"] = r.Name,
                ["outcome"] = r.Outcome,
                ["errors"] = new JsonArray([.. r.Errors.Select(e => new JsonObject { ["column"] = Column(e.Field), ["code"] = e.Code, ["message"] = e.Message })]),
            })]),
        }, statusCode: report.InvalidRows > 0 ? 422 : 200);
    }

    /// <summary>The sheet's column an error's field stands for.</summary>
    private static string? Column(string? field) => field switch
    {
        "location" => "lat/lon",
        "responsible.role" => "responsibleRole",
        "responsible.name" => "responsibleName",
        "responsible.phone" => "responsiblePhone",
        _ => field,
    };

    private static (IReadOnlyList<HazardSheetRow>? Rows, string? Error) Read(Stream file, SheetFormat format)
    {
        var (raw, unreadable) = SheetUpload.Rows(file, format, ImportHazardSitesHandler.MaxRows);
        if (raw is null)
        {
            return (null, unreadable);
        }

        if (raw.Count == 0)
        {
            return (null, $"the sheet has no rows under its header; expected columns: {string.Join(", ", Columns)}");
        }

        if (raw.Count > ImportHazardSitesHandler.MaxRows)
        {
            return (null, $"a sheet may have at most {ImportHazardSitesHandler.MaxRows} rows");
        }

        var header = raw[0].Keys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        string? Canonical(string h) => Columns.FirstOrDefault(c => c.Equals(h.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Aliases.GetValueOrDefault(h.Trim());
        var unknown = header.Where(h => Canonical(h) is null).ToList();
        var named = header.Where(h => Canonical(h) is not null).GroupBy(h => Canonical(h)!).ToDictionary(g => g.Key, g => g.First());
        var missing = Required.Where(c => !named.ContainsKey(c)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var problems = unknown.Select(u => $"unknown column '{u}'").Concat(missing.Select(m => $"missing column '{m}'"));
            return (null, $"{string.Join("; ", problems)}. Expected columns: {string.Join(", ", Columns)} (name, kind and riskLevel required; lat and lon, or geometry)");
        }

        var rows = new List<HazardSheetRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = raw[i];
            string? Cell(string column) =>
                named.TryGetValue(column, out var key) && cells.TryGetValue(key, out var v) && v is not null
                    ? (v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v.ToString())?.Trim() is { Length: > 0 } t ? t : null
                    : null;
            if (Columns.All(c => Cell(c) is null))
            {
                continue;
            }

            // Row 1 is the header: the first data row is row 2, as a spreadsheet program numbers it.
            rows.Add(Parse(i + 2, Cell));
        }

        return (rows, null);
    }

    private static HazardSheetRow Parse(int row, Func<string, string?> cell)
    {
        var errors = new List<DomainError>();
        var kind = Enum<HazardSiteKind>(cell("kind"), "kind", errors, null);
        var risk = Enum(cell("riskLevel"), "riskLevel", errors, Colours);
        GeoPoint? location = null;
        IReadOnlyList<GeoPoint>? line = null;
        if (cell("geometry") is { } geometry)
        {
            var parsed = HazardGeoJson.Parse(geometry);
            if (parsed.Error is not null)
            {
                errors.Add(DomainError.Validation("geometry " + parsed.Error, "geometry"));
            }

            (location, line) = (parsed.Point, parsed.Line);
        }
        else if (cell("lat") is { } lat && cell("lon") is { } lon)
        {
            if (double.TryParse(lat, CultureInfo.InvariantCulture, out var y) && double.TryParse(lon, CultureInfo.InvariantCulture, out var x))
            {
                location = new GeoPoint(y, x);
            }
            else
            {
                errors.Add(DomainError.Validation("lat and lon must be numbers in degrees", "location"));
            }
        }

        var incidentKinds = new List<IncidentKind>();
        foreach (var k in (cell("incidentKinds") ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum<IncidentKind>(k, "incidentKinds", errors, null) is { } parsedKind)
            {
                incidentKinds.Add(parsedKind);
            }
        }

        var responsible = (cell("responsibleRole"), cell("responsibleName"), cell("responsiblePhone")) switch
        {
            (null, null, null) => null,
            var (r, n, p) => new SiteContact(r ?? string.Empty, n ?? string.Empty, p ?? string.Empty),
        };
        var site = kind is { } k2 && risk is { } r2
            ? new RegisterHazardSite(cell("name") ?? string.Empty, k2, r2, location, line, cell("enterprise"), responsible, incidentKinds)
            : null;
        return new HazardSheetRow(row, cell("name"), site, errors);
    }

    /// <summary>A cell naming an enum value as the API does (COAL_MINE), or by one of <paramref name="labels"/>.</summary>
    private static T? Enum<T>(string? text, string column, List<DomainError> errors, IReadOnlyDictionary<string, T>? labels)
        where T : struct, Enum
    {
        if (text is null)
        {
            errors.Add(DomainError.Validation($"{column} is required", column));
            return null;
        }

        if (labels is not null && labels.TryGetValue(text, out var labelled))
        {
            return labelled;
        }

        foreach (var value in System.Enum.GetValues<T>())
        {
            if (ApiName.Of(value).Equals(text.Replace('-', '_'), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.Add(DomainError.Validation($"'{text}' is not one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => ApiName.Of(v)))}", column));
        return null;
    }

    private static IResult Problem(int status, string message) => SheetUpload.Problem(status, message);
}
