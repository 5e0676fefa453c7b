using Muster.Infrastructure;
using Muster.Webhooks;
using Muster.Webhooks.Registering;

namespace Muster.Tests.Webhooks;

public sealed class RegisterWebhookDecisionTests
{
    private static readonly Guid Agency = Guid.CreateVersion7();
    private static readonly Guid NewId = Guid.CreateVersion7();
    private static readonly Actor Partner = new("fire-brigade-system", Role.Partner, Agency);

    private static Result<WebhookRegistered> Decide(string url, bool allowHttp, Actor? actor = null, WebhookKind[]? kinds = null, Area? area = null) =>
        RegisterWebhookDecision.Decide(new RegisterWebhook(Agency, url, kinds ?? [WebhookKind.Units], area), agencyExists: true, actor ?? Partner, NewId, allowHttp);

    [Fact]
    public void Given_an_https_url_when_a_partner_registers_for_its_agency_then_the_webhook_is_registered() =>
        Assert.Equal(
            new WebhookRegistered(NewId, Agency, "https://partner.example/muster", [WebhookKind.Units], null, "fire-brigade-system"),
            Decide("https://partner.example/muster", allowHttp: false).Value,
            new WebhookRegisteredComparer());

    [Theory]
    [InlineData("http://partner.example/muster", false)]
    [InlineData("ftp://partner.example/muster", true)]
    [InlineData("file:///etc/passwd", true)]
    [InlineData("/relative", true)]
    [InlineData("https://user:secret@partner.example/", true)]
    public void Given_a_url_outside_the_allowed_schemes_when_registering_then_it_is_refused(string url, bool allowHttp)
    {
        var error = Decide(url, allowHttp).Errors.Single();
        Assert.Equal((ErrorCodes.Validation, "url"), (error.Code, error.Field));
    }

    [Fact]
    public void Given_http_allowed_by_configuration_when_registering_an_http_url_then_it_is_registered() =>
        Assert.True(Decide("http://127.0.0.1:8080/hook", allowHttp: true).Succeeded);

    [Fact]
    public void Given_a_partner_of_another_agency_or_a_commander_when_registering_then_it_is_forbidden()
    {
        Assert.Equal(ErrorCodes.Forbidden, Decide("https://x.example/", false, Partner with { AgencyId = Guid.CreateVersion7() }).Errors.Single().Code);
        Assert.Equal(ErrorCodes.Forbidden, Decide("https://x.example/", false, new Actor("c", Role.Commander, null)).Errors.Single().Code);
    }

    [Fact]
    public void Given_incidents_without_an_area_or_with_an_inverted_one_when_registering_then_it_is_refused()
    {
        Assert.Equal("incidentArea", Decide("https://x.example/", false, kinds: [WebhookKind.Incidents]).Errors.Single().Field);
        Assert.Equal("incidentArea", Decide("https://x.example/", false, kinds: [WebhookKind.Incidents], area: new Area(112, 36, 111, 37)).Errors.Single().Field);
        Assert.True(Decide("https://x.example/", false, kinds: [WebhookKind.Incidents], area: new Area(111, 36, 112, 37)).Succeeded);
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap()
    {
        var options = new WebhookOptions { RetryBase = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        Assert.Equal(
            [5, 10, 20, 40, 60, 60],
            Enumerable.Range(1, 6).Select(n => options.RetryDelay(n).TotalSeconds));
    }

    [Fact]
    public void A_signature_is_the_standard_webhooks_hmac_over_id_timestamp_and_body()
    {
        // Computed independently: key = base64 bytes after whsec_, HMAC-SHA256 over "msg_1.1700000000.{}", base64.
        var secret = "whsec_" + Convert.ToBase64String("muster-test-key-0123456789abcdef"u8.ToArray());
        var mac = System.Security.Cryptography.HMACSHA256.HashData("muster-test-key-0123456789abcdef"u8.ToArray(), "msg_1.1700000000.{}"u8.ToArray());
        Assert.Equal("v1," + Convert.ToBase64String(mac), WebhookSecret.Sign(secret, "msg_1", 1700000000, "{}"));
    }

    private sealed class WebhookRegisteredComparer : IEqualityComparer<WebhookRegistered?>
    {
        public bool Equals(WebhookRegistered? x, WebhookRegistered? y) =>
            x is not null && y is not null && x with { Kinds = [] } == y with { Kinds = [] } && x.Kinds.SequenceEqual(y.Kinds);

        public int GetHashCode(WebhookRegistered? obj) => 0;
    }
}
