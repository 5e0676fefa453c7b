using System.Net.Http.Headers;
using System.Text;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Interop;

/// <summary>
/// The spreadsheet and EDXL-RM endpoints take a bearer token only: a caller without one, with a made-up token, or with
/// an API key (revoked or not: keys are read-only credentials for GIS clients) is answered 401 and nothing is written.
/// </summary>
public sealed class InteropCredentialTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task Without_a_token_or_with_a_revoked_api_key_imports_and_edxl_messages_are_refused_and_change_nothing()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "凭证测试 单位", "BUREAU");
        var depot = await DepotCalls.RegisterAsync(App, agency, "凭证测试 储备库", 36.56, 111.71);
        await CatalogCalls.DefineAsync(App, "1030201", "棉被", "床");
        var (keyId, secret) = await OgcCalls.IssueAsync(App, agency);
        await App.PostAsync(OgcCalls.Revoke, new { input = new { apiKeyId = keyId } }, App.Token("admin"));
        var events = await App.EventCountAsync();

        var credentials = new (string What, Action<HttpRequestMessage> Apply)[]
        {
            ("nothing", _ => { }),
            ("a made-up bearer token", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token")),
            ("a revoked key in X-Api-Key", r => r.Headers.Add("X-Api-Key", secret)),
            ("a revoked key in api_key", r => r.RequestUri = new Uri(r.RequestUri!.OriginalString + (r.RequestUri.OriginalString.Contains('?') ? "&" : "?") + "api_key=" + Uri.EscapeDataString(secret), UriKind.Relative)),
        };
        foreach (var (what, apply) in credentials)
        {
            foreach (var request in Requests(depot))
            {
                using (request)
                {
                    apply(request);
                    using var client = App.CreateClient();
                    using var response = await client.SendAsync(request);
                    Assert.True(401 == (int)response.StatusCode, $"{request.Method} {request.RequestUri} with {what}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Equal(events, await App.EventCountAsync());
    }

    private static IEnumerable<HttpRequestMessage> Requests(string depot)
    {
        yield return new HttpRequestMessage(HttpMethod.Post, $"/spreadsheets/stock-import?depotId={depot}")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("itemCode,quantity,lot,expiresOn,note\n1030201,50,L1,2031-06-30,\n"))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("text/csv") },
            },
        };
        yield return new HttpRequestMessage(HttpMethod.Post, "/edxl-rm") { Content = new StringContent(EdxlMessages.RequestResource("credential-" + Guid.NewGuid().ToString("N"), ("1", "1030201", 5)), Encoding.UTF8, "application/xml") };
        yield return new HttpRequestMessage(HttpMethod.Get, "/spreadsheets/stock-levels.csv");
        yield return new HttpRequestMessage(HttpMethod.Get, $"/spreadsheets/depots/{depot}/ledger.xlsx");
        yield return new HttpRequestMessage(HttpMethod.Get, "/spreadsheets/supply-requests.csv");
    }
}
