using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;
using Npgsql;
using StandardWebhooks;

namespace Muster.Api.Tests.Interop;

public sealed class WebhookFixture : AppFixture
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.050",
        ["Webhooks:RetryBase"] = "00:00:00.200",
        ["Webhooks:MaxAttempts"] = "4",
        ["Webhooks:Timeout"] = "00:00:02",
    };

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>
/// Partner systems register a URL and receive signed POSTs of the changes they asked for, from a real HTTP receiver's
/// point of view: verified with the Standard Webhooks library, retried after failures, recorded and queryable.
/// </summary>
public sealed class WebhookTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private MusterApp App => fixture.App;
    private WebhookReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task A_partner_receives_signed_changes_of_its_own_units_and_of_no_other_agencys()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队 webhook");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市红十字会 webhook");
        var partner = App.Token("partner", agency);
        var (webhookId, secret) = await WebhookCalls.RegisterAsync(App, partner, agency, Receiver.Url + "/own-units", ["UNITS"]);

        var unit = await UnitCalls.RegisterAsync(App, agency, "霍州消防一号车", 36.57, 111.72);
        await UnitCalls.RegisterAsync(App, other, "红十字救护车", 36.56, 111.71);
        await UnitCalls.ReportAsync(App, unit, 36.58, 111.73, DateTimeOffset.UtcNow, partner);

        await Eventually.HoldsAsync(() => Receiver.To("/own-units").Count >= 2, "two deliveries of the partner's unit");
        var received = Receiver.To("/own-units");
        var verifier = new StandardWebhook(secret);
        foreach (var delivery in received)
        {
            verifier.Verify(delivery.Body, delivery.Headers); // throws when the signature does not verify
        }

        var bodies = received.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.All(bodies, b => Assert.Equal("unit.changed", b["type"]!.GetValue<string>()));
        Assert.All(bodies, b => Assert.Equal(unit, b["data"]!["object"]!["id"]!.GetValue<string>()));
        Assert.Equal([1L, 2L], bodies.Select(b => b["data"]!["version"]!.GetValue<long>()).Order());
        Assert.Equal("AVAILABLE", bodies[0]["data"]!["object"]!["status"]!.GetValue<string>());
        Assert.Equal(2, received.Select(r => r.Headers["webhook-id"].ToString()).Distinct().Count());

        var tampered = received[0].Body.Replace("霍州消防一号车", "霍州消防二号车", StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => verifier.Verify(tampered, received[0].Headers));

        await Eventually.HoldsAsync(async () => (await WebhookCalls.DeliveriesAsync(App, partner, webhookId, "DELIVERED")).Count == 2, "both recorded as delivered");
        var recorded = await WebhookCalls.DeliveriesAsync(App, partner, webhookId);
        Assert.All(recorded, d => Assert.Equal(1, d["attempts"]!.GetValue<int>()));
        Assert.All(recorded, d => Assert.Equal(204, d["lastStatus"]!.GetValue<int>()));
        Assert.All(recorded, d => Assert.Null(d["nextAttemptAt"]));
        Assert.Equal(received.Select(r => r.Headers["webhook-id"].ToString()).Order(), recorded.Select(d => d["id"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task A_delivery_the_receiver_refuses_is_retried_with_the_same_id_until_it_is_accepted()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州煤电矿山救护队 webhook", "ENTERPRISE");
        var partner = App.Token("partner", agency);
        var (webhookId, _) = await WebhookCalls.RegisterAsync(App, partner, agency, Receiver.Url + "/retry", ["UNITS"]);
        Receiver.AnswerNext(500, 503);

        await UnitCalls.RegisterAsync(App, agency, "矿山救护一中队", 36.60, 111.70, "MINE_RESCUE_TEAM", ["mine-rescue"]);

        await Eventually.HoldsAsync(async () => (await WebhookCalls.DeliveriesAsync(App, partner, webhookId, "DELIVERED")).Count == 1, "delivered at last");
        var attempts = Receiver.To("/retry");
        var delivery = (await WebhookCalls.DeliveriesAsync(App, partner, webhookId)).Single();
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.Headers["webhook-id"].ToString()).Distinct());
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(204, delivery["lastStatus"]!.GetValue<int>());
        Assert.NotNull(delivery["deliveredAt"]);
    }

    [Fact]
    public async Task An_unreachable_url_records_failed_attempts_with_the_next_one_and_gives_up_in_the_end()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "白龙镇人民政府 webhook", "TOWNSHIP");
        var partner = App.Token("partner", agency);
        var closed = ClosedPort();
        var (webhookId, _) = await WebhookCalls.RegisterAsync(App, partner, agency, $"http://127.0.0.1:{closed}/hook", ["UNITS"]);

        var unit = await UnitCalls.RegisterAsync(App, agency, "白龙镇抢险队", 36.52, 111.68, "RESCUE_TEAM", ["flood"]);

        JsonNode? pending = null;
        await Eventually.HoldsAsync(async () =>
        {
            pending = (await WebhookCalls.DeliveriesAsync(App, partner, webhookId)).SingleOrDefault();
            return pending?["attempts"]!.GetValue<int>() >= 1;
        }, "a failed attempt recorded");
        Assert.Null(pending!["lastStatus"]);
        Assert.False(string.IsNullOrEmpty(pending["lastError"]?.GetValue<string>()));
        if (pending["status"]!.GetValue<string>() == "PENDING")
        {
            Assert.True(DateTimeOffset.Parse(pending["nextAttemptAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.Parse(pending["lastAttemptAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }

        await Eventually.HoldsAsync(async () => (await WebhookCalls.DeliveriesAsync(App, partner, webhookId, "FAILED")).Count == 1, "given up after the last attempt");
        var failed = (await WebhookCalls.DeliveriesAsync(App, partner, webhookId)).Single();
        Assert.Equal(4, failed["attempts"]!.GetValue<int>());
        Assert.Null(failed["nextAttemptAt"]);
        var node = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on RescueUnit { id name } } }", new { id = unit }, partner);
        Assert.Equal("白龙镇抢险队", node.Data!["node"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Incidents_are_delivered_when_they_lie_inside_the_webhooks_area()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "辛置镇人民政府 webhook", "TOWNSHIP");
        var partner = App.Token("partner", agency);
        var area = new { west = 111.60, south = 36.45, east = 111.80, north = 36.65 };
        await WebhookCalls.RegisterAsync(App, partner, agency, Receiver.Url + "/incidents", ["INCIDENTS"], area);

        var inside = await DispatchCalls.ReportAsync(App, "FLOOD", "III", 36.50, 111.70, "汾河辛置段漫堤");
        await DispatchCalls.ReportAsync(App, "FLOOD", "III", 37.80, 112.55, "太原段漫堤");

        await Eventually.HoldsAsync(() => Receiver.To("/incidents").Count >= 1, "the incident inside the area");
        var body = JsonNode.Parse(Receiver.To("/incidents").Single().Body)!;
        Assert.Equal("incident.changed", body["type"]!.GetValue<string>());
        Assert.Equal(inside, body["data"]!["object"]!["id"]!.GetValue<string>());
        Assert.Equal("III", body["data"]!["object"]!["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_registrations_change_nothing()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "陶唐峪乡人民政府 webhook", "TOWNSHIP");
        var other = await AgencyCalls.RegisterAsync(App, "大张镇人民政府 webhook", "TOWNSHIP");
        var partner = App.Token("partner", agency);
        var events = await App.EventCountAsync();
        var secrets = await SecretCountAsync();

        var ftp = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(agency, "ftp://127.0.0.1/hook", ["UNITS"]), partner);
        var relative = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(agency, "/hook", ["UNITS"]), partner);
        var credentials = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(agency, "https://user:pw@example.org/hook", ["UNITS"]), partner);
        var noKinds = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(agency, "https://example.org/hook", []), partner);
        var noArea = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(agency, "https://example.org/hook", ["INCIDENTS"]), partner);
        var badArea = await App.PostAsync(WebhookCalls.Register,
            WebhookCalls.Input(agency, "https://example.org/hook", ["INCIDENTS"], new { west = 112.0, south = 36.0, east = 111.0, north = 37.0 }), partner);
        var othersAgency = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(other, "https://example.org/hook", ["UNITS"]), partner);
        var commander = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(agency, "https://example.org/hook", ["UNITS"]), App.Token("commander"));
        var anonymous = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(agency, "https://example.org/hook", ["UNITS"]));
        var unknownKind = await App.PostAsync(WebhookCalls.Register, WebhookCalls.Input(agency, "https://example.org/hook", ["EVERYTHING"]), partner);

        foreach (var (refused, field) in new[] { (ftp, "url"), (relative, "url"), (credentials, "url"), (noKinds, "kinds"), (noArea, "incidentArea"), (badArea, "incidentArea") })
        {
            var payload = refused.Data!["registerWebhook"]!;
            Assert.Equal("VALIDATION", payload["errors"]![0]!["code"]!.GetValue<string>());
            Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
            Assert.Null(payload["webhook"]);
            Assert.Null(payload["secret"]);
        }

        Assert.Equal(["FORBIDDEN"], othersAgency.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], commander.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["VALIDATION"], unknownKind.ErrorCodes);
        Assert.Equal(events, await App.EventCountAsync());
        Assert.Equal(secrets, await SecretCountAsync());
    }

    [Fact]
    public async Task A_partner_sees_and_removes_only_its_own_agencys_webhooks_and_a_removed_one_receives_nothing_more()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市人民医院 webhook", "MEDICAL");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市第二人民医院 webhook", "MEDICAL");
        var partner = App.Token("partner", agency);
        var (webhookId, _) = await WebhookCalls.RegisterAsync(App, partner, agency, Receiver.Url + "/removed", ["UNITS"]);
        var (othersId, _) = await WebhookCalls.RegisterAsync(App, App.Token("admin"), other, Receiver.Url + "/others", ["UNITS"]);

        var mine = await App.PostAsync(WebhookCalls.List, null, partner);
        var asked = await App.PostAsync(WebhookCalls.List, new { agencyId = other }, partner);
        var theirs = await App.PostAsync(WebhookCalls.Deliveries, new { webhookId = othersId }, partner);
        var removeTheirs = await App.PostAsync(WebhookCalls.Remove, new { input = new { webhookId = othersId } }, partner);
        var removed = await App.PostAsync(WebhookCalls.Remove, new { input = new { webhookId } }, partner);
        var again = await App.PostAsync(WebhookCalls.Remove, new { input = new { webhookId } }, partner);
        await UnitCalls.RegisterAsync(App, agency, "医院救护车 1", 36.57, 111.72, "AMBULANCE", ["medical"]);
        await UnitCalls.RegisterAsync(App, other, "医院救护车 2", 36.57, 111.72, "AMBULANCE", ["medical"]);

        Assert.Equal([webhookId], mine.Data!["webhooks"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()));
        Assert.Empty(asked.Data!["webhooks"]!.AsArray());
        Assert.Null(theirs.Data!["webhookDeliveries"]);
        Assert.Equal(["FORBIDDEN"], removeTheirs.ErrorCodes);
        Assert.NotNull(removed.Data!["removeWebhook"]!["webhook"]!["removedAt"]);
        Assert.Equal("INVALID_STATE", again.Data!["removeWebhook"]!["errors"]![0]!["code"]!.GetValue<string>());
        await Eventually.HoldsAsync(() => Receiver.To("/others").Count == 1, "the other agency's webhook still receives");
        Assert.Empty(Receiver.To("/removed"));
        Assert.Empty(await WebhookCalls.DeliveriesAsync(App, partner, webhookId));
    }

    private async Task<long> SecretCountAsync()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from muster.webhook_secrets", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
