using System.Data;
using System.Globalization;
using Marten;
using MiniExcelLibs;
using Muster.Api.Auth;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Requests;
using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Supplies.History;
using Muster.Supplies.Levels;

namespace Muster.Api.Interop.Spreadsheets;

/// <summary>
/// The bureau's statements as .xlsx or .csv: stock levels, one depot's ledger, the history of supply requests. Each
/// reads through the same visibility as GraphQL: a partner gets the shared pool and its own agency's.
/// </summary>
public static class SpreadsheetExports
{
    public const int MaxRequests = 10_000;

    public static async Task<IResult> StockLevelsAsync(string format, HttpContext http, StockLevels levels, IQuerySession session)
    {
        if (Prepare(http, format) is { } refused)
        {
            return refused;
        }

        var viewer = Viewer(http);
        var depotId = http.Request.Query["depotId"].FirstOrDefault() is { } d ? GlobalId.Of(DepotType.TypeName, d) ?? Guid.Empty : (Guid?)null;
        var found = await levels.FindAsync(http.Request.Query["itemCode"].FirstOrDefault(), depotId, viewer, http.RequestAborted);
        var depots = await session.LoadManyAsync<Depot>(http.RequestAborted, found.Select(l => l.DepotId).Distinct());
        var items = await ItemNamesAsync(session, found.Select(l => l.ItemCode), http.RequestAborted);
        var rows = found.Select(l => new Dictionary<string, object?>
        {
            ["depotId"] = GlobalId.Encode(DepotType.TypeName, l.DepotId),
            ["depot"] = depots.FirstOrDefault(x => x.Id == l.DepotId)?.Name,
            ["itemCode"] = l.ItemCode,
            ["item"] = items.GetValueOrDefault(l.ItemCode),
            ["onHand"] = l.OnHand,
            ["reserved"] = l.Reserved,
            ["available"] = l.Available,
            ["inTransit"] = l.InTransit,
            ["updatedAt"] = Time(l.UpdatedAt),
        });
        return Sheet(rows, format, "stock-levels", ["depotId", "depot", "itemCode", "item", "onHand", "reserved", "available", "inTransit", "updatedAt"]);
    }

    public static async Task<IResult> LedgerAsync(string depotId, string format, HttpContext http, StockLevels levels, StockHistory history, IQuerySession session)
    {
        if (Prepare(http, format) is { } refused)
        {
            return refused;
        }

        var viewer = Viewer(http);
        var depot = GlobalId.Of(DepotType.TypeName, depotId) is { } id ? await session.LoadAsync<Depot>(id, http.RequestAborted) : null;
        if (depot is null || !DepotVisibility.MaySee(viewer, depot))
        {
            return Results.Json(new { error = "no such depot" }, statusCode: 404);
        }

        var rows = new List<Dictionary<string, object?>>();
        foreach (var line in await levels.FindAsync(null, depot.Id, viewer, http.RequestAborted))
        {
            rows.AddRange((await history.LedgerAsync(depot.Id, line.ItemCode, http.RequestAborted)).Select(e => new Dictionary<string, object?>
            {
                ["itemCode"] = line.ItemCode,
                ["at"] = Time(e.At),
                ["kind"] = ApiNames.Of(e.Kind),
                ["quantity"] = e.Quantity,
                ["reservedChange"] = e.ReservedChange,
                ["lot"] = e.Lot,
                ["onHandAfter"] = e.OnHandAfter,
                ["reservedAfter"] = e.ReservedAfter,
                ["availableAfter"] = e.AvailableAfter,
                ["reason"] = e.Reason,
                ["note"] = e.Note,
                ["by"] = e.Actor?.Subject,
            }));
        }

        return Sheet(rows.OrderBy(r => (string)r["at"]!, StringComparer.Ordinal), format, "ledger",
            ["itemCode", "at", "kind", "quantity", "reservedChange", "lot", "onHandAfter", "reservedAfter", "availableAfter", "reason", "note", "by"]);
    }

    public static async Task<IResult> SupplyRequestsAsync(string format, HttpContext http, IQuerySession session)
    {
        if (Prepare(http, format) is { } refused)
        {
            return refused;
        }

        var requests = session.Query<SupplyRequest>().VisibleTo(Viewer(http));

        var found = await requests.OrderByDescending(r => r.RequestedAt).Take(MaxRequests).ToListAsync(http.RequestAborted);
        static string List(IEnumerable<(string Code, int Quantity)> lines) => string.Join("; ", lines.Select(l => $"{l.Code}×{l.Quantity}"));
        var rows = found.Select(r => new Dictionary<string, object?>
        {
            ["requestId"] = GlobalId.Encode(SupplyRequestType.TypeName, r.Id),
            ["requestedAt"] = Time(r.RequestedAt),
            ["status"] = ApiNames.Of(r.Status),
            ["priority"] = ApiNames.Of(r.Priority),
            ["agencyId"] = r.AgencyId is { } a ? GlobalId.Encode(GlobalId.Agency, a) : null,
            ["lines"] = List(r.Lines.Select(l => (l.ItemCode, l.Quantity))),
            ["allocated"] = List(r.Allocations.Select(l => (l.ItemCode, l.Quantity))),
            ["shortfalls"] = List(r.Shortfalls.Select(l => (l.ItemCode, l.Quantity))),
            ["allocatedAt"] = r.AllocatedAt is { } at ? Time(at) : null,
            ["deliveredAt"] = r.DeliveredAt is { } del ? Time(del) : null,
        });
        return Sheet(rows, format, "supply-requests",
            ["requestId", "requestedAt", "status", "priority", "agencyId", "lines", "allocated", "shortfalls", "allocatedAt", "deliveredAt"]);
    }

    private static IResult? Prepare(HttpContext http, string format)
    {
        if (HttpActorAccessor.ActorOf(http.User) is null)
        {
            return Results.Json(new { error = "a bearer token is required" }, statusCode: 401);
        }

        return SheetFormat.ByExtension(format) is null ? Results.Json(new { error = "ask for .xlsx or .csv" }, statusCode: 404) : null;
    }

    private static Actor Viewer(HttpContext http) => HttpActorAccessor.ActorOf(http.User)!;

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, string>> ItemNamesAsync(IQuerySession session, IEnumerable<string> codes, CancellationToken ct)
    {
        var items = await session.LoadManyAsync<Item>(ct, codes.Distinct().Select(ItemCode.StreamId));
        return items.ToDictionary(i => i.Code, i => i.Name);
    }

    /// <summary>The rows as a workbook or CSV file; the header is written even when there are no rows.</summary>
    private static IResult Sheet(IEnumerable<Dictionary<string, object?>> rows, string extension, string name, IReadOnlyList<string> columns)
    {
        var format = SheetFormat.ByExtension(extension)!;
        using var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column, typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add([.. columns.Select(c => row.GetValueOrDefault(c) ?? DBNull.Value)]);
        }

        var file = new MemoryStream();
        MiniExcel.SaveAs(file, table, excelType: format.Type, sheetName: name);
        file.Position = 0;
        return Results.File(file, format.ContentType, $"{name}.{format.Extension}");
    }
}
