using System.Net.WebSockets;
using Microsoft.AspNetCore.TestHost;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Exposure;

public sealed class WithAConsoleOrigin : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:WebSocket:AllowedOrigins:0"] = "https://console.huozhou.example",
    };
}

/// <summary>A page of another site cannot open the WebSocket; the service's own pages, configured origins and non-browser clients can.</summary>
public sealed class WebSocketOriginTests(WithAConsoleOrigin given) : IClassFixture<WithAConsoleOrigin>
{
    [Theory]
    [InlineData(null)]
    [InlineData("http://localhost")]
    [InlineData("https://console.huozhou.example")]
    public async Task No_origin_the_own_origin_and_a_configured_one_are_accepted(string? origin)
    {
        using var socket = await ConnectAsync(origin);

        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_page_of_another_site_is_refused_before_the_upgrade()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync("https://evil.example"));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_token_closes_with_4401_which_clients_treat_as_fatal()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(given.App, token: null);
        await socket.SendAsync(new { type = "connection_init", payload = new { token = "not-a-token" } });

        var (status, _) = await socket.ClosedAsync();

        Assert.Equal(4401, (int?)status);
    }

    private async Task<WebSocket> ConnectAsync(string? origin)
    {
        var client = given.App.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        if (origin is not null)
        {
            client.ConfigureRequest = request => request.Headers.Origin = origin;
        }

        return await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None);
    }
}
