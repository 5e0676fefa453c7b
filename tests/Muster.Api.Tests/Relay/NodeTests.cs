using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Relay;

public sealed class NodeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task Node_fetches_an_agency_by_its_global_id()
    {
        var id = await AgencyCalls.RegisterAsync(App, "霍州市红十字会", "RED_CROSS");

        var response = await App.PostAsync(
            "query($id: ID!) { node(id: $id) { id __typename ... on Agency { name kind } } }",
            new { id }, App.Token("partner", Guid.NewGuid()));

        var node = response.Data!["node"]!;
        Assert.Equal(id, node["id"]!.GetValue<string>());
        Assert.Equal("Agency", node["__typename"]!.GetValue<string>());
        Assert.Equal("RED_CROSS", node["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nodes_answers_in_input_order_with_null_for_missing_or_malformed_ids()
    {
        var first = await AgencyCalls.RegisterAsync(App, "辛置镇人民政府", "TOWNSHIP");
        var second = await AgencyCalls.RegisterAsync(App, "白龙镇人民政府", "TOWNSHIP");
        var unknown = Ids.Unknown("Agency");

        var response = await App.PostAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Agency { name } } }",
            new { ids = new[] { second, unknown, "not-an-id", first } }, App.Token("logistics"));

        var nodes = response.Data!["nodes"]!.AsArray();
        Assert.Equal(4, nodes.Count);
        Assert.Equal("白龙镇人民政府", nodes[0]!["name"]!.GetValue<string>());
        Assert.Null(nodes[1]);
        Assert.Null(nodes[2]);
        Assert.Equal("辛置镇人民政府", nodes[3]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nodes_refuses_more_than_a_hundred_ids()
    {
        var ids = Enumerable.Range(0, 101).Select(_ => "x").ToArray();

        var response = await App.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids }, App.Token("admin"));

        Assert.Contains("VALIDATION", response.ErrorCodes);
    }

    [Fact]
    public async Task Node_needs_a_token()
    {
        var id = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");

        var response = await App.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Null(response.Data);
    }
}
