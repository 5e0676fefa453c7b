using System.Data;
using System.Globalization;
using System.Text.Json.Nodes;
using Marten;
using MiniExcelLibs;
using Muster.Api.Auth;
using Muster.Api.Interop.Spreadsheets;
using Muster.Duty;
using Muster.Duty.Importing;
using Muster.Infrastructure;

namespace Muster.Api.Duty;

/// <summary>
/// The duty roster as a sheet (.xlsx or .csv), one row a shift: <c>GET /spreadsheets/duty-roster.{format}</c>
/// (admin, commanders, logistics; <c>from</c>/<c>until</c>, default the next 31 days) and <c>POST /spreadsheets/duty-roster</c>
/// (admin, commanders; <c>dryRun=true</c> checks only): every row is checked, each bad cell reported (row, column,
/// message) with 422, and nothing is written unless every row is good. Times carry an offset or are in the bureau's zone.
/// </summary>
public static class DutyRosterSheet
{
    public const string Name = "duty-roster";

    public static IEndpointRouteBuilder MapDutyRosterSheet(this IEndpointRouteBuilder sheets)
    {
        sheets.MapGet($"/{Name}.{{format}}", ExportAsync);
        sheets.MapPost($"/{Name}", ImportAsync);
        return sheets;
    }

    public static async Task<IResult> ExportAsync(string format, HttpContext http, IQuerySession session, TimeProvider time, DutyOptions options)
    {
        if (Refused(http, Role.Admin, Role.Commander, Role.Logistics) is { } refused)
        {
            return refused;
        }

        if (SheetFormat.ByExtension(format) is not { } sheet)
        {
            return Problem(404, "ask for .xlsx or .csv");
        }

        var from = Parse(http.Request.Query["from"].FirstOrDefault()) ?? time.GetUtcNow();
        var until = Parse(http.Request.Query["until"].FirstOrDefault()) ?? from.AddDays(31);
        var roster = await session.LoadAsync<DutyRoster>(DutyRoster.StreamId, http.RequestAborted) ?? DutyRoster.Empty;
        var zone = options.Zone;
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        using var table = new DataTable(Name) { Locale = CultureInfo.InvariantCulture };
        foreach (var (column, _) in RosterSheet.Columns)
        {
            table.Columns.Add(column, typeof(object));
        }

        foreach (var shift in roster.Shifts.Where(s => s.EndsAt > from && s.StartsAt < until).OrderBy(s => s.StartsAt))
        {
            var cells = new Dictionary<string, object?>
            {
                ["startsAt"] = Local(shift.StartsAt), ["endsAt"] = Local(shift.EndsAt),
                ["leader"] = shift.Leader.Name, ["leaderPhone"] = shift.Leader.Phone, ["leaderLogin"] = shift.Leader.Login,
            };
            foreach (var (officer, i) in shift.Officers.Take(RosterSheet.MaxOfficers).Select((o, i) => (o, i + 1)))
            {
                cells[$"officer{i}"] = officer.Name;
                cells[$"officer{i}Phone"] = officer.Phone;
                cells[$"officer{i}Login"] = officer.Login;
            }

            table.Rows.Add([.. RosterSheet.Columns.Select(c => cells.GetValueOrDefault(c.Column) ?? DBNull.Value)]);
        }

        var file = new MemoryStream();
        MiniExcel.SaveAs(file, table, excelType: sheet.Type, sheetName: Name);
        file.Position = 0;
        return Results.File(file, sheet.ContentType, $"{Name}.{sheet.Extension}");
    }

    public static async Task<IResult> ImportAsync(HttpContext http, ImportRosterHandler handler)
    {
        if (Refused(http, Role.Admin, Role.Commander) is { } refused)
        {
            return refused;
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

        var dryRun = http.Request.Query["dryRun"].FirstOrDefault() is "true" or "1";
        var result = await handler.Handle(new ImportRoster(rows, dryRun), http.RequestAborted);
        if (!result.Succeeded)
        {
            return Problem(409, result.Errors[0].Message);
        }

        var report = result.Value!;
        return Results.Json(new JsonObject
        {
            ["dryRun"] = report.DryRun,
            ["applied"] = report.Applied,
            ["shifts"] = report.Shifts,
            ["errors"] = new JsonArray([.. report.Errors.Select(e => new JsonObject
            {
                ["row"] = e.Row, ["column"] = e.Column, ["code"] = e.Code, ["message"] = e.Message,
            })]),
        }, statusCode: report.Errors.Count > 0 ? 422 : 200);
    }

    /// <summary>The first worksheet's rows as text cells by column; an unknown or missing required column refuses the sheet.</summary>
    private static (IReadOnlyList<RosterSheetRow>? Rows, string? Error) Read(Stream file, SheetFormat format)
    {
        var (raw, unreadable) = SheetUpload.Rows(file, format, ImportRosterHandler.MaxRows);
        if (raw is null)
        {
            return (null, unreadable);
        }

        if (raw.Count == 0)
        {
            return (null, "the sheet has no rows under its header");
        }

        if (raw.Count > ImportRosterHandler.MaxRows)
        {
            return (null, $"a roster sheet may have at most {ImportRosterHandler.MaxRows} rows");
        }

        var aliases = RosterSheet.Columns.SelectMany(c => new[] { (c.Column, c.Column), (c.Chinese, c.Column) })
            .ToDictionary(a => a.Item1, a => a.Item2, StringComparer.OrdinalIgnoreCase);
        var header = raw[0].Keys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        var unknown = header.Where(h => !aliases.ContainsKey(h.Trim())).ToList();
        var named = header.Where(h => aliases.ContainsKey(h.Trim())).ToDictionary(h => aliases[h.Trim()], h => h);
        var missing = RosterSheet.Required.Where(c => !named.ContainsKey(c)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var problems = unknown.Select(u => $"unknown column '{u}'").Concat(missing.Select(m => $"missing column '{m}'"));
            return (null, $"{string.Join("; ", problems)}. Expected columns: {string.Join(", ", RosterSheet.Columns.Select(c => c.Column))}");
        }

        var rows = new List<RosterSheetRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = named.ToDictionary(n => n.Key, n => Text(raw[i].TryGetValue(n.Value, out var v) ? v : null));
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new RosterSheetRow(i + 2, cells));
        }

        return (rows, null);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    private static IResult? Refused(HttpContext http, params Role[] roles) =>
        HttpActorAccessor.ActorOf(http.User) is not { } actor ? Problem(401, "a bearer token is required")
        : !actor.IsIn(roles) ? Problem(403, $"the duty roster sheet is for {string.Join(", ", roles.Select(r => r.Name()))} only")
        : null;

    private static IResult Problem(int status, string message) => SheetUpload.Problem(status, message);
}
