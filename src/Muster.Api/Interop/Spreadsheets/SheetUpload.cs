using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace Muster.Api.Interop.Spreadsheets;

/// <summary>
/// A sheet posted as the request body (.xlsx or .csv), read into memory. A body over the limit is refused while it
/// arrives, never buffered whole first: every import endpoint reads its upload here.
/// </summary>
public static class SheetUpload
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The sheet and its format, or the answer refusing it (415 for another content type, 413 when too large).</summary>
    public static async Task<(MemoryStream? File, SheetFormat? Format, IResult? Refusal)> ReadAsync(HttpRequest request, long maxBytes = MaxBytes)
    {
        if (SheetFormat.ByContentType(request.ContentType) is not { } format)
        {
            return (null, null, Problem(415, $"send the sheet as {SheetFormat.Xlsx.ContentType} or {SheetFormat.Csv.ContentType}"));
        }

        var tooLarge = Problem(413, $"a sheet may have at most {maxBytes / (1024 * 1024)} MiB");
        if (request.ContentLength > maxBytes)
        {
            return (null, null, tooLarge);
        }

        var file = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            if (file.Length + read > maxBytes)
            {
                await file.DisposeAsync();
                return (null, null, tooLarge);
            }

            file.Write(buffer, 0, read);
        }

        file.Position = 0;
        return (file, format, null);
    }

    /// <summary>
    /// The first worksheet's rows by header, at most one more than <paramref name="maxRows"/> (so that the caller can
    /// say the sheet is too long), or why the file is not a readable sheet.
    /// </summary>
    public static (List<IDictionary<string, object?>>? Rows, string? Error) Rows(Stream file, SheetFormat format, int maxRows)
    {
        try
        {
            return (MiniExcel.Query(file, useHeaderRow: true, excelType: format.Type)
                .Cast<IDictionary<string, object?>>().Take(maxRows + 1).ToList(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"the file is not a readable {format.Extension} sheet ({e.GetType().Name})");
        }
    }

    /// <summary>The error answer of the spreadsheet endpoints: <c>{ "error": message }</c> with the status.</summary>
    public static IResult Problem(int status, string message) => Results.Json(new JsonObject { ["error"] = message }, statusCode: status);
}
