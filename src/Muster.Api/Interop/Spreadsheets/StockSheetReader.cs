using System.Globalization;
using MiniExcelLibs;
using Muster.Spreadsheets.ImportingStock;

namespace Muster.Api.Interop.Spreadsheets;

/// <summary>
/// Reads a stock sheet (the first worksheet of a workbook, or a CSV) into rows of text cells. The header row names the
/// columns, in English or as the bureau's forms write them; unknown or missing required columns refuse the whole sheet.
/// </summary>
public static class StockSheetReader
{
    public static readonly IReadOnlyList<string> Columns = ["itemCode", "quantity", "lot", "expiresOn", "note"];

    private static readonly string[] Required = ["itemCode", "quantity"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["itemCode"] = "itemCode", ["物资编码"] = "itemCode",
        ["quantity"] = "quantity", ["数量"] = "quantity",
        ["lot"] = "lot", ["批号"] = "lot",
        ["expiresOn"] = "expiresOn", ["有效期至"] = "expiresOn",
        ["note"] = "note", ["备注"] = "note",
    };

    public static (IReadOnlyList<StockImportRow>? Rows, string? Error) Read(Stream file, SheetFormat format, int maxRows)
    {
        var (raw, unreadable) = SheetUpload.Rows(file, format, maxRows);
        if (raw is null)
        {
            return (null, unreadable);
        }

        if (raw.Count == 0)
        {
            return (null, $"the sheet has no rows under its header; expected columns: {string.Join(", ", Columns)}");
        }

        var header = raw[0].Keys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        var unknown = header.Where(h => !Aliases.ContainsKey(h.Trim())).ToList();
        var named = header.Where(h => Aliases.ContainsKey(h.Trim())).ToDictionary(h => Aliases[h.Trim()], h => h);
        var missing = Required.Where(c => !named.ContainsKey(c)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var problems = unknown.Select(u => $"unknown column '{u}'").Concat(missing.Select(m => $"missing column '{m}'"));
            return (null, $"{string.Join("; ", problems)}. Expected columns: {string.Join(", ", Columns)} (itemCode and quantity required)");
        }

        var rows = new List<StockImportRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            string? Cell(string column) => named.TryGetValue(column, out var key) ? Text(raw[i].TryGetValue(key, out var v) ? v : null, column) : null;
            var cells = Columns.Select(Cell).ToList();
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            // Row 1 is the header: the first data row is row 2, as a spreadsheet program numbers it.
            rows.Add(new StockImportRow(i + 2, cells[0], cells[1], cells[2], cells[3], cells[4]));
        }

        return (rows, null);
    }

    /// <summary>A cell as text: dates as yyyy-MM-dd (a workbook may keep them as serial numbers), numbers invariant.</summary>
    private static string? Text(object? value, string column) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double serial when column == "expiresOn" && serial is > 0 and < 2958466 => DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
