using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Subscriptions;

/// <summary>Queries and mutations over the WebSocket: one <c>next</c> then <c>complete</c>, with the token's identity.</summary>
public sealed class OperationsOverWebSocketTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_mutation_over_the_socket_is_recorded_as_the_token_subject()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(App, App.Token("admin", subject: "ws.wang.fang"));

        await socket.SubscribeAsync("register", AgencyCalls.Register, new { input = new { name = "霍州市大张镇人民政府", kind = "TOWNSHIP" } });
        var next = await socket.ReceiveAsync();
        var complete = await socket.ReceiveAsync();
        var id = next["payload"]!["data"]!["registerAgency"]!["agency"]!["id"]!.GetValue<string>();
        var trail = await App.PostAsync("query($of: ID!) { auditTrail(of: $of) { edges { node { actor { subject } } } } }",
            new { of = id }, App.Token("commander"));

        Assert.Equal(("next", "complete"), (next["type"]!.GetValue<string>(), complete["type"]!.GetValue<string>()));
        Assert.Equal("ws.wang.fang", trail.Data!["auditTrail"]!["edges"]![0]!["node"]!["actor"]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_that_does_not_validate_answers_error_and_its_id_is_free_again()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(App, App.Token("logistics"));

        await socket.SubscribeAsync("x", "{ nosuchfield }");
        var error = await socket.ReceiveAsync();
        await socket.SubscribeAsync("x", "{ viewer { role } }");
        var next = await socket.ReceiveAsync();

        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("VALIDATION", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("logistics", next["payload"]!["data"]!["viewer"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subscription_over_HTTP_is_refused()
    {
        var response = await App.PostAsync("subscription { agencyChanged { id } }", token: App.Token("admin"));

        Assert.Contains("METHOD_NOT_ALLOWED", response.ErrorCodes);
    }
}
