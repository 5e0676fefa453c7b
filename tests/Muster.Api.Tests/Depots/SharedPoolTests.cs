using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Depots;

/// <summary>A partner sees the shared pool (物资共用) and its own depots, never another agency's private ones.</summary>
public sealed class SharedPoolTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Seen = """
        query($ids: [ID!]!, $id: ID!) {
          depots(first: 100) { edges { node { id } } }
          depotsNear(near: { lat: 36.40, lon: 111.60 }, first: 50) { depot { id } }
          node(id: $id) { id }
          nodes(ids: $ids) { id }
        }
        """;

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_partner_sees_another_agencys_depot_only_while_it_is_pledged()
    {
        var own = await AgencyCalls.RegisterAsync(App, "白龙镇人民政府", "TOWNSHIP");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队", "FIRE_RESCUE");
        var ownDepot = await DepotCalls.RegisterAsync(App, own, "白龙镇储备点", 36.41, 111.61);
        var theirs = await DepotCalls.RegisterAsync(App, other, "消防物资库", 36.42, 111.62);
        var partner = App.Token("partner", own);
        var owner = App.Token("partner", other);

        var whilePrivate = await SeenAsync(partner, theirs, ownDepot);
        await DepotCalls.ChangeAsync(App, DepotCalls.Pledge, new { depotId = theirs }, owner);
        var whilePledged = await SeenAsync(partner, theirs, ownDepot);
        await DepotCalls.ChangeAsync(App, DepotCalls.Withdraw, new { depotId = theirs }, owner);
        var afterWithdrawal = await SeenAsync(partner, theirs, ownDepot);
        var bureau = await SeenAsync(App.Token("commander"), theirs, ownDepot);

        Assert.Equal(new Sight([ownDepot], [ownDepot], null, [null, ownDepot]), whilePrivate);
        Assert.Equal(new Sight(Both(ownDepot, theirs), Both(ownDepot, theirs), theirs, [theirs, ownDepot]), whilePledged);
        Assert.Equal(whilePrivate, afterWithdrawal);
        Assert.Equal(new Sight(Both(ownDepot, theirs), Both(ownDepot, theirs), theirs, [theirs, ownDepot]), bureau);
    }

    [Fact]
    public async Task A_closed_shared_depot_leaves_the_pool_but_its_own_agency_still_sees_it_in_the_register()
    {
        var own = await AgencyCalls.RegisterAsync(App, "大张镇人民政府", "TOWNSHIP");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市人民医院", "MEDICAL");
        var depot = await DepotCalls.RegisterAsync(App, other, "医院药械库", 36.43, 111.63, shared: true);
        await DepotCalls.ChangeAsync(App, DepotCalls.Close, new { depotId = depot, reason = "搬迁" }, App.Token("logistics"));

        var stranger = await App.PostAsync(DepotCalls.Node, new { id = depot }, App.Token("partner", own));
        var ownerList = await App.PostAsync("{ open: depots { totalCount } all: depots(includeClosed: true) { totalCount } }", token: App.Token("partner", other));

        Assert.Null(stranger.Data!["node"]);
        Assert.Equal((0, 1), (ownerList.Data!["open"]!["totalCount"]!.GetValue<int>(), ownerList.Data!["all"]!["totalCount"]!.GetValue<int>()));
    }

    private static List<string> Both(string a, string b) => new[] { a, b }.Order().ToList();

    private async Task<Sight> SeenAsync(string token, string theirs, string own)
    {
        var response = await App.PostAsync(Seen, new { id = theirs, ids = new[] { theirs, own } }, token);
        var data = response.Data ?? throw new InvalidOperationException(response.Text);
        static string? Id(JsonNode? n) => n?["id"]?.GetValue<string>();
        var relevant = new HashSet<string> { theirs, own };
        return new Sight(
            data["depots"]!["edges"]!.AsArray().Select(e => Id(e!["node"])!).Where(relevant.Contains).Order().ToList(),
            data["depotsNear"]!.AsArray().Select(d => Id(d!["depot"])!).Where(relevant.Contains).Order().ToList(),
            Id(data["node"]),
            data["nodes"]!.AsArray().Select(Id).ToList());
    }

    private sealed record Sight(List<string> Listed, List<string> Near, string? Node, List<string?> Nodes)
    {
        public bool Equals(Sight? other) => other is not null && Listed.SequenceEqual(other.Listed) && Near.SequenceEqual(other.Near)
            && Node == other.Node && Nodes.SequenceEqual(other.Nodes);

        public override int GetHashCode() => HashCode.Combine(Listed.Count, Near.Count, Node);

        public override string ToString() => $"listed [{string.Join(", ", Listed)}] near [{string.Join(", ", Near)}] node {Node} nodes [{string.Join(", ", Nodes)}]";
    }
}
