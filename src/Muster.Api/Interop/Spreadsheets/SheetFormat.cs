using MiniExcelLibs;

namespace Muster.Api.Interop.Spreadsheets;

/// <summary>The two formats offered: Office Open XML workbooks and comma-separated text (UTF-8).</summary>
public sealed record SheetFormat(string Extension, string ContentType, ExcelType Type)
{
    public static readonly SheetFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExcelType.XLSX);
    public static readonly SheetFormat Csv = new("csv", "text/csv", ExcelType.CSV);

    public static SheetFormat? ByExtension(string? extension) => extension?.ToLowerInvariant() switch
    {
        "xlsx" => Xlsx,
        "csv" => Csv,
        _ => null,
    };

    /// <summary>The format of an upload, from its content type (a .csv may come as text/plain or application/csv).</summary>
    public static SheetFormat? ByContentType(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "text/csv" or "application/csv" or "text/plain" => Csv,
            _ when media == Xlsx.ContentType => Xlsx,
            _ => null,
        };
    }
}
