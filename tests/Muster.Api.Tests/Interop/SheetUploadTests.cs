using System.Net.Http.Headers;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Interop.Spreadsheets;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Interop;

/// <summary>
/// Every spreadsheet import reads its upload the same way: another content type is 415, a body over the limit is 413
/// whether or not it announces its length (a chunked body is cut off as it arrives), and nothing is written.
/// </summary>
public sealed class SheetUploadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    public static TheoryData<string> Imports() => new()
    {
        "/spreadsheets/stock-import?depotId=" + GlobalId.Encode(DepotType.TypeName, Guid.CreateVersion7()),
        "/spreadsheets/handbook",
        "/spreadsheets/hazard-ledger",
        "/spreadsheets/duty-roster",
    };

    [Theory]
    [MemberData(nameof(Imports))]
    public async Task A_sheet_over_the_limit_is_413_announced_or_chunked_and_another_content_type_is_415(string path)
    {
        var events = await App.EventCountAsync();
        var tooLarge = new byte[SheetUpload.MaxBytes + 1];
        Array.Fill(tooLarge, (byte)'a');

        Assert.Equal(413, await UploadAsync(path, new ByteArrayContent(tooLarge), "text/csv"));
        Assert.Equal(413, await UploadAsync(path, new StreamContent(new UnseekableStream(tooLarge)), "text/csv"));
        Assert.Equal(415, await UploadAsync(path, new ByteArrayContent("<html/>"u8.ToArray()), "text/html"));
        Assert.Equal(events, await App.EventCountAsync());
    }

    private async Task<int> UploadAsync(string path, HttpContent content, string contentType)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", App.Token("admin"));
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>A body whose length is not known in advance: sent chunked, without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
