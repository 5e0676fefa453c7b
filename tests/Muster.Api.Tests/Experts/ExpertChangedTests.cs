using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Infrastructure.Changes;

namespace Muster.Api.Tests.Experts;

/// <summary>expertChanged over the WebSocket: committed changes only, filtered, and a partner hears of its own experts only.</summary>
public sealed class ExpertChangedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_partner_hears_of_its_own_experts_changes_and_of_nothing_else()
    {
        var own = await AgencyCalls.RegisterAsync(App, "霍州市水利局防汛专家组", "OTHER");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市卫健局", "MEDICAL");
        await using var socket = await SubscribeAsync(App.Token("partner", own), "subscription { expertChanged { id availability } }");

        await ExpertCalls.RegisterAsync(App, other, "他人的专家", 36.56, 111.71, ["medicine"]);
        var mine = await ExpertCalls.RegisterAsync(App, own, "水文专家 赵工", 36.58, 111.73, ["hydrology"]);
        var registered = await socket.ReceiveAsync();
        await ExpertCalls.ChangeAsync(App, mine, "ENGAGED");
        var engaged = await socket.ReceiveAsync();
        var refused = await ExpertCalls.ChangeAsync(App, mine, "ENGAGED");
        await ExpertCalls.ChangeAsync(App, mine, "AVAILABLE");
        var released = await socket.ReceiveAsync(); // changes arrive in commit order: nothing came of the refusal

        Assert.Equal((mine, "AVAILABLE"), Expert(registered));
        Assert.Equal((mine, "ENGAGED"), Expert(engaged));
        Assert.Equal("INVALID_STATE", ExpertCalls.ErrorCode(refused));
        Assert.Equal((mine, "AVAILABLE"), Expert(released));
    }

    [Fact]
    public async Task Filters_keep_only_the_experts_asked_for()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局专家库", "BUREAU");
        await using var socket = await SubscribeAsync(App.Token("commander"),
            "subscription { expertChanged(specialty: \"geology\", availability: OFF_DUTY) { id availability } }");

        var geologist = await ExpertCalls.RegisterAsync(App, agency, "地质专家 孙工", 36.57, 111.72, ["geology"]);
        var chemist = await ExpertCalls.RegisterAsync(App, agency, "危化专家 周工", 36.57, 111.72, ["hazmat"]);
        await ExpertCalls.ChangeAsync(App, chemist, "OFF_DUTY");
        await ExpertCalls.ChangeAsync(App, geologist, "OFF_DUTY");
        var next = await socket.ReceiveAsync();
        var second = await ExpertCalls.RegisterAsync(App, agency, "地质专家 吴工", 36.57, 111.72, ["geology"]);
        await ExpertCalls.ChangeAsync(App, second, "OFF_DUTY");
        var then = await socket.ReceiveAsync(); // in commit order: nothing else was kept in between

        Assert.Equal((geologist, "OFF_DUTY"), Expert(next));
        Assert.Equal((second, "OFF_DUTY"), Expert(then));
    }

    private static (string, string) Expert(System.Text.Json.Nodes.JsonNode message)
    {
        var expert = message["payload"]!["data"]!["expertChanged"]!;
        return (expert["id"]!.GetValue<string>(), expert["availability"]!.GetValue<string>());
    }

    /// <summary>Subscribes and waits until the subscription listens to the change feed.</summary>
    private Task<GraphQLSocket> SubscribeAsync(string token, string query) =>
        GraphQLSocket.SubscribeListeningAsync(App, token, "experts", query);
}
