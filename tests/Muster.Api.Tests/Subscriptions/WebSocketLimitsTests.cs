using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Muster.Api.Auth;
using Muster.Api.Tests.Support;
using Muster.Infrastructure.Changes;

namespace Muster.Api.Tests.Subscriptions;

/// <summary>The WebSocket connection's time and size limits, with short limits configured.</summary>
public sealed class WebSocketLimitsTests(WebSocketLimitsTests.ShortLimits fixture) : IClassFixture<WebSocketLimitsTests.ShortLimits>
{
    private const string AgencyChanged = "subscription { agencyChanged { id } }";

    /// <summary>Short limits, timed by a clock the tests move: nothing runs out unless a test moves it past a limit.</summary>
    public sealed class ShortLimits : AppFixture
    {
        public static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(2);
        public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(3);

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["GraphQL:WebSocket:ConnectionInitTimeout"] = InitTimeout.ToString(),
            ["GraphQL:WebSocket:MaxOperations"] = "3",
            ["GraphQL:WebSocket:MaxMessageBytes"] = "4096",
            ["GraphQL:Timeout"] = OperationTimeout.ToString(),
        };

        protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);

        /// <summary>
        /// Moves the service's clock up to the real one (never back): a token the service issues is then valid for the JWT
        /// handler, which reads the real clock, as long as it is valid for the service.
        /// </summary>
        public void CatchUpWithTheRealClock()
        {
            var behind = DateTimeOffset.UtcNow - Clock.GetUtcNow();
            if (behind > TimeSpan.Zero)
            {
                Clock.Advance(behind);
            }
        }
    }

    private MusterApp App => fixture.App;
    private ChangeFeed Feed => App.Services.GetRequiredService<ChangeFeed>();

    [Fact]
    public async Task Without_connection_init_in_time_the_server_closes_with_4408()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(App, token: null);
        await AnsweredAsync(socket); // the connection is running, its init timer set

        fixture.Clock.Advance(ShortLimits.InitTimeout - TimeSpan.FromMilliseconds(1));
        await AnsweredAsync(socket);
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var (status, _) = await socket.ClosedAsync();

        Assert.Equal(4408, (int?)status);
    }

    [Fact]
    public async Task When_the_token_expires_the_server_closes_with_4403()
    {
        fixture.CatchUpWithTheRealClock();
        var token = App.Services.GetRequiredService<TokenIssuer>().Issue("short-lived", "commander", null, TimeSpan.FromSeconds(2));
        var expires = new DateTimeOffset(new JsonWebToken(token).ValidTo, TimeSpan.Zero); // whole seconds, as a JWT writes it
        await using var socket = await GraphQLSocket.ConnectAsync(App, token);
        await AnsweredAsync(socket); // connection_init was handled, the expiry timer set

        fixture.Clock.Advance(expires - fixture.Clock.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        await AnsweredAsync(socket);
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var (status, reason) = await socket.ClosedAsync();

        Assert.Equal((4403, "Token expired"), ((int?)status, reason));
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(App, App.Token("admin"));

        await socket.SendAsync(new { type = "ping", payload = new { padding = new string('x', 5000) } });

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, (await socket.ClosedAsync()).Status);
    }

    [Fact]
    public async Task Operations_beyond_the_limit_answer_error_and_the_connection_stays()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(App, App.Token("admin"));
        foreach (var id in new[] { "1", "2", "3", "4" })
        {
            await socket.SubscribeAsync(id, AgencyChanged);
        }

        var refused = await socket.ReceiveAsync();
        await socket.SendAsync(new { type = "ping" });

        Assert.Equal(("error", "4"), (refused["type"]!.GetValue<string>(), refused["id"]!.GetValue<string>()));
        Assert.Equal("TOO_MANY_OPERATIONS", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("pong", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complete_and_close_end_the_subscriptions_on_the_change_feed()
    {
        // A socket of the previous test may still be unsubscribing: start from none.
        await Eventually.HoldsAsync(() => Feed.SubscriberCount == 0, "earlier subscriptions have ended");
        const int before = 0;
        var socket = await GraphQLSocket.ConnectAsync(App, App.Token("admin"));
        await socket.SubscribeAsync("a", AgencyChanged);
        await socket.SubscribeAsync("b", AgencyChanged);
        await Eventually.HoldsAsync(() => Feed.SubscriberCount == before + 2, "two subscriptions listen");

        await socket.SendAsync(new { id = "a", type = "complete" });
        await Eventually.HoldsAsync(() => Feed.SubscriberCount == before + 1, "complete ends one");
        await socket.DisposeAsync();
        await Eventually.HoldsAsync(() => Feed.SubscriberCount == before, "closing the socket ends the other");
    }

    [Fact]
    public async Task A_subscription_outlives_the_operation_timeout()
    {
        await using var socket = await GraphQLSocket.SubscribeListeningAsync(App, App.Token("admin"), "long", AgencyChanged);

        fixture.Clock.Advance(ShortLimits.OperationTimeout + TimeSpan.FromSeconds(1));
        var id = await AgencyCalls.RegisterAsync(App, "霍州市辛置镇人民政府", "TOWNSHIP");

        var next = await socket.ReceiveAsync();
        Assert.Equal(id, next["payload"]!["data"]!["agencyChanged"]!["id"]!.GetValue<string>());
    }

    /// <summary>A ping answered with pong: the connection is open and has handled every message sent before.</summary>
    private static async Task AnsweredAsync(GraphQLSocket socket)
    {
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
    }
}
