using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Infrastructure.Changes;

namespace Muster.Api.Tests.Subscriptions;

/// <summary>Two replicas on one database: a change committed through one reaches subscribers on the other.</summary>
public sealed class AgencyChangedAcrossInstancesTests : IAsyncLifetime
{
    private const string AgencyChanged = "subscription { agencyChanged { id name kind } }";

    private TestDatabase _database = null!;
    private MusterApp _subscribed = null!;
    private MusterApp _writing = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _subscribed = new MusterApp(_database);
        _writing = new MusterApp(_database);
        _subscribed.CreateClient().Dispose();
        _writing.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _subscribed.DisposeAsync();
        await _writing.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_agency_registered_on_one_instance_arrives_on_a_subscription_on_the_other()
    {
        await using var socket = await SubscribeAsync();

        var id = await AgencyCalls.RegisterAsync(_writing, "霍州市红十字会", "RED_CROSS");

        var next = await socket.ReceiveAsync();
        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.Equal("changes", next["id"]!.GetValue<string>());
        var agency = next["payload"]!["data"]!["agencyChanged"]!;
        Assert.Equal(id, agency["id"]!.GetValue<string>());
        Assert.Equal("霍州市红十字会", agency["name"]!.GetValue<string>());
        Assert.Equal("RED_CROSS", agency["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_registration_sends_nothing()
    {
        await AgencyCalls.RegisterAsync(_writing, "陶唐峪乡人民政府", "TOWNSHIP");
        await using var socket = await SubscribeAsync();

        var duplicate = await _writing.PostAsync(AgencyCalls.Register,
            new { input = new { name = "陶唐峪乡人民政府", kind = "TOWNSHIP" } }, _writing.Token("admin"));
        var forbidden = await _writing.PostAsync(AgencyCalls.Register,
            new { input = new { name = "不该登记的机构", kind = "OTHER" } }, _writing.Token("commander"));
        var later = await AgencyCalls.RegisterAsync(_writing, "李曹镇人民政府", "TOWNSHIP");
        var next = await socket.ReceiveAsync();

        Assert.Equal("CONFLICT", AgencyCalls.Errors(duplicate).Single()!["code"]!.GetValue<string>());
        Assert.Contains("FORBIDDEN", forbidden.ErrorCodes);
        Assert.Equal(later, next["payload"]!["data"]!["agencyChanged"]!["id"]!.GetValue<string>());
    }

    /// <summary>Subscribes on the first instance and waits until the subscription listens to its change feed.</summary>
    private Task<GraphQLSocket> SubscribeAsync() =>
        GraphQLSocket.SubscribeListeningAsync(_subscribed, _subscribed.Token("partner", Guid.NewGuid()), "changes", AgencyChanged);
}
