using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class OfferCalls
{
    public const string Fields = "id status agency { id } itemCode quantity lot expiresOn description location { lat lon } locationDescription messageId depot { id } declineReason";

    public const string List = $$"""
        query($status: ResourceOfferStatus) { resourceOffers(status: $status, first: 100) { totalCount edges { node { {{Fields}} } } } }
        """;

    public const string Accept = $$"""
        mutation($input: AcceptResourceOfferInput!) { acceptResourceOffer(input: $input) { offer { {{Fields}} } errors { code message field } } }
        """;

    public const string Decline = $$"""
        mutation($input: DeclineResourceOfferInput!) { declineResourceOffer(input: $input) { offer { {{Fields}} } errors { code message field } } }
        """;

    /// <summary>POSTs an EDXL-RM message to /edxl-rm: the status, the offer id the service answered (if any), and the body.</summary>
    public static async Task<(int Status, string? OfferId, string Text)> PostEdxlAsync(MusterApp app, string xml, string token)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/edxl-rm") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var id = response.Headers.TryGetValues("X-Muster-Resource-Offer", out var ids) ? ids.Single() : null;
        return ((int)response.StatusCode, id, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Offers through EDXL-RM and fails the test unless an offer was made; its id.</summary>
    public static async Task<string> OfferedAsync(MusterApp app, string xml, string token)
    {
        var (status, id, text) = await PostEdxlAsync(app, xml, token);
        Assert.True(status == 200 && id is not null, text);
        return id!;
    }

    /// <summary>The offers a caller sees, newest first.</summary>
    public static async Task<List<JsonNode>> ListAsync(MusterApp app, string token, string? status = null)
    {
        var response = await app.PostAsync(List, new { status }, token);
        return response.Data?["resourceOffers"]?["edges"]?.AsArray().Select(e => e!["node"]!.DeepClone()).ToList()
            ?? throw new InvalidOperationException(response.Text);
    }

    public static async Task<JsonNode> AcceptAsync(MusterApp app, string offerId, string depotId, string token)
    {
        var response = await app.PostAsync(Accept, new { input = new { offerId, depotId } }, token);
        return response.Data?["acceptResourceOffer"] ?? throw new InvalidOperationException(response.Text);
    }

    public static async Task<JsonNode> DeclineAsync(MusterApp app, string offerId, string reason, string token)
    {
        var response = await app.PostAsync(Decline, new { input = new { offerId, reason } }, token);
        return response.Data?["declineResourceOffer"] ?? throw new InvalidOperationException(response.Text);
    }
}
