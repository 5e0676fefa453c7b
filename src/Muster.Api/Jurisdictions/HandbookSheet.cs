using System.Globalization;
using System.Text.Json.Nodes;
using Marten;
using MiniExcelLibs;
using Muster.Api.Auth;
using Muster.Api.Interop.Spreadsheets;
using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Jurisdictions.Handbook;

namespace Muster.Api.Jurisdictions;

/// <summary>
/// The handbook (安全监管网络手册) as a spreadsheet: one row a responsible person — 辖区 (the jurisdiction's path),
/// 层级, 企业 (blank for the jurisdiction's own persons), 职务, 姓名, 电话. Exported as .xlsx or .csv; imported from
/// either, all or nothing, with a report of every bad row.
/// </summary>
public static class HandbookSheet
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        [HandbookColumns.Jurisdiction] = HandbookColumns.Jurisdiction, ["jurisdiction"] = HandbookColumns.Jurisdiction,
        [HandbookColumns.Level] = HandbookColumns.Level, ["level"] = HandbookColumns.Level,
        [HandbookColumns.Enterprise] = HandbookColumns.Enterprise, ["enterprise"] = HandbookColumns.Enterprise,
        [HandbookColumns.Role] = HandbookColumns.Role, ["role"] = HandbookColumns.Role,
        [HandbookColumns.Name] = HandbookColumns.Name, ["name"] = HandbookColumns.Name,
        [HandbookColumns.Phone] = HandbookColumns.Phone, ["phone"] = HandbookColumns.Phone,
    };

    public static IEndpointRouteBuilder MapHandbookSheet(this IEndpointRouteBuilder sheets)
    {
        sheets.MapGet("/handbook.{format}", ExportAsync);
        sheets.MapPost("/handbook", ImportAsync);
        return sheets;
    }

    public static async Task<IResult> ExportAsync(string format, HttpContext http, IQuerySession session, IJurisdictionDirectory directory)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } viewer)
        {
            return SheetUpload.Problem(401, "a bearer token is required");
        }

        if (SheetFormat.ByExtension(format) is not { } sheet)
        {
            return SheetUpload.Problem(404, "the handbook is offered as handbook.xlsx or handbook.csv");
        }

        var maintained = await directory.MaintainedAsync(viewer, http.RequestAborted);
        var all = await session.Query<Jurisdiction>().ToListAsync(http.RequestAborted);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var (path, j) in HandbookPaths.Of(all).Where(p => JurisdictionVisibility.MaySee(viewer, p.Value.Id, maintained)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AddRows(rows, path, j.Level, null, j.Persons);
            foreach (var enterprise in j.Enterprises)
            {
                AddRows(rows, path, j.Level, enterprise.Name, enterprise.Persons);
            }
        }

        var file = new MemoryStream();
        await MiniExcel.SaveAsAsync(file, rows, excelType: sheet.Type, sheetName: "安全监管网络手册", cancellationToken: http.RequestAborted);
        file.Position = 0;
        return Results.File(file, sheet.ContentType, "handbook." + sheet.Extension);
    }

    private static void AddRows(List<Dictionary<string, object?>> rows, string path, JurisdictionLevel level, string? enterprise, IReadOnlyList<ResponsiblePerson> persons)
    {
        var word = level switch { JurisdictionLevel.County => "市", JurisdictionLevel.Township => "乡镇街道", _ => "村社区" };
        foreach (var person in persons.Count == 0 ? [null] : persons.Cast<ResponsiblePerson?>())
        {
            rows.Add(new Dictionary<string, object?>
            {
                [HandbookColumns.Jurisdiction] = path,
                [HandbookColumns.Level] = word,
                [HandbookColumns.Enterprise] = enterprise ?? "",
                [HandbookColumns.Role] = person?.Role ?? "",
                [HandbookColumns.Name] = person?.Name ?? "",
                [HandbookColumns.Phone] = person?.Phone ?? "",
            });
        }
    }

    public static async Task<IResult> ImportAsync(HttpContext http, ImportHandbookHandler handler)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } actor)
        {
            return SheetUpload.Problem(401, "a bearer token is required");
        }

        if (!actor.IsIn(Role.Admin, Role.Commander, Role.Partner))
        {
            return SheetUpload.Problem(403, "the handbook is imported by admin, commanders, or a township for its own jurisdictions");
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
            return SheetUpload.Problem(400, error!);
        }

        var result = await handler.Handle(new ImportHandbook(rows), http.RequestAborted);
        if (!result.Succeeded)
        {
            var first = result.Errors[0];
            return SheetUpload.Problem(first.Code == ErrorCodes.Conflict ? 409 : first.Code == ErrorCodes.Forbidden ? 403 : 400, first.Message);
        }

        var report = result.Value!;
        return Results.Json(new JsonObject
        {
            ["applied"] = report.Applied,
            ["rows"] = report.Rows,
            ["jurisdictionsChanged"] = report.Jurisdictions,
            ["enterprisesChanged"] = report.Enterprises,
            ["errors"] = new JsonArray([.. report.Errors.Select(e => new JsonObject { ["row"] = e.Row, ["column"] = e.Column, ["message"] = e.Message })]),
        }, statusCode: report.Applied ? 200 : 422);
    }

    private static (IReadOnlyList<HandbookRow>? Rows, string? Error) Read(Stream file, SheetFormat format)
    {
        var (raw, unreadable) = SheetUpload.Rows(file, format, ImportHandbookHandler.MaxRows);
        if (raw is null)
        {
            return (null, unreadable);
        }

        var expected = $"expected columns: {HandbookColumns.Jurisdiction}, {HandbookColumns.Level} (optional), {HandbookColumns.Enterprise}, {HandbookColumns.Role}, {HandbookColumns.Name}, {HandbookColumns.Phone}";
        if (raw.Count == 0)
        {
            return (null, "the sheet has no rows under its header; " + expected);
        }

        var header = raw[0].Keys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        var unknown = header.Where(h => !Aliases.ContainsKey(h.Trim())).ToList();
        var named = header.Where(h => Aliases.ContainsKey(h.Trim())).ToDictionary(h => Aliases[h.Trim()], h => h);
        var missing = new[] { HandbookColumns.Jurisdiction, HandbookColumns.Role, HandbookColumns.Name, HandbookColumns.Phone }.Where(c => !named.ContainsKey(c)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            return (null, string.Join("; ", unknown.Select(u => $"unknown column '{u}'").Concat(missing.Select(m => $"missing column '{m}'"))) + "; " + expected);
        }

        var rows = new List<HandbookRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            string? Cell(string column) => named.TryGetValue(column, out var key) && raw[i].TryGetValue(key, out var v) ? Text(v) : null;
            var cells = new[] { HandbookColumns.Jurisdiction, HandbookColumns.Enterprise, HandbookColumns.Role, HandbookColumns.Name, HandbookColumns.Phone }.Select(Cell).ToList();
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            // Row 1 is the header: the first data row is row 2, as a spreadsheet program numbers it.
            rows.Add(new HandbookRow(i + 2, cells[0], cells[1], cells[2], cells[3], cells[4]));
        }

        return (rows, null);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
