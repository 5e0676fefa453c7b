using System.Text;
using System.Text.Json;
using Muster.Api.Tests.Support;
using Npgsql;

namespace Muster.Api.Tests.Durability;

/// <summary>
/// The Idempotency-Key header, through real HTTP: a client that retries after a lost answer gets the first answer
/// and the write happens once.
/// </summary>
public sealed class IdempotencyKeyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task Retrying_registerUnit_with_the_same_key_answers_the_first_answer_and_registers_once()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队 幂等", "FIRE_RESCUE");
        var key = Guid.NewGuid().ToString();
        var body = RegisterBody(agency, "幂等 水罐车");

        var first = await PostAsync(body, key, App.Token("admin"));
        var retry = await PostAsync(body, key, App.Token("admin"));

        Assert.Equal(200, first.Status);
        Assert.Equal(first.Text, retry.Text);
        Assert.Equal("true", retry.Replayed);
        Assert.Null(first.Replayed);
        Assert.Equal(1, await UnitCountAsync(agency));
    }

    [Fact]
    public async Task Retrying_receiveStock_with_the_same_key_books_the_stock_once()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局 幂等库", "OTHER");
        var depot = await DepotCalls.RegisterAsync(App, agency, "幂等 物资库", 36.57, 111.72);
        var item = await StockCalls.NewItemAsync(App);
        var body = JsonSerializer.Serialize(new
        {
            query = StockCalls.Receive,
            variables = new { input = new { depotId = depot, itemCode = item, quantity = 40, source = "PROCURED" } },
        });
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(body, key, App.Token("logistics"));
        var retry = await PostAsync(body, key, App.Token("logistics"));
        var levels = await StockCalls.LevelsAsync(App, item, depot);

        Assert.Equal(first.Text, retry.Text);
        Assert.Equal(40, StockCalls.Number(levels.Single(), "onHand"));
    }

    [Fact]
    public async Task Concurrent_duplicates_with_one_key_register_once()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市红十字会 并发", "OTHER");
        var key = Guid.NewGuid().ToString();
        var body = RegisterBody(agency, "并发 救护车");
        var token = App.Token("admin");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(body, key, token)));

        Assert.Equal(1, await UnitCountAsync(agency));
        Assert.All(answers, a => Assert.True(a.Status == 200 || (a.Status == 409 && a.Code == "CONFLICT"), a.Text));
        var ids = answers.Where(a => a.Status == 200).Select(a => a.Json.RootElement.GetProperty("data").GetProperty("registerUnit")
            .GetProperty("unit").GetProperty("id").GetString()).Distinct();
        Assert.Single(ids);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_IDEMPOTENCY_KEY_REUSED_and_writes_nothing()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "辛置镇应急站 幂等", "TOWNSHIP");
        var key = Guid.NewGuid().ToString();
        await PostAsync(RegisterBody(agency, "第一辆"), key, App.Token("admin"));

        var other = await PostAsync(RegisterBody(agency, "第二辆"), key, App.Token("admin"));

        Assert.Equal(422, other.Status);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", other.Code);
        Assert.Equal(1, await UnitCountAsync(agency));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "大张镇应急站 幂等", "TOWNSHIP");
        var key = Guid.NewGuid().ToString();
        var body = RegisterBody(agency, "同键 巡查车");

        var alice = await PostAsync(body, key, App.Token("admin", subject: "alice"));
        var bob = await PostAsync(body, key, App.Token("admin", subject: "bob"));

        Assert.Null(bob.Replayed);
        Assert.NotEqual(alice.Text, bob.Text);
        Assert.Equal(2, await UnitCountAsync(agency));
    }

    [Fact]
    public async Task A_retry_of_a_write_that_committed_but_lost_its_answer_is_ALREADY_APPLIED_and_writes_nothing()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "退沙街道应急站 幂等", "TOWNSHIP");
        var key = Guid.NewGuid().ToString();
        var body = RegisterBody(agency, "失答 巡查车");
        await PostAsync(body, key, App.Token("admin", subject: "carol"));
        // As if the instance died between the commit and keeping the answer.
        await ExecuteAsync($"update muster.idempotency_keys set status = null, response = null where caller = 'carol' and key = '{key}'");

        var retry = await PostAsync(body, key, App.Token("admin", subject: "carol"));

        Assert.Equal(409, retry.Status);
        Assert.Equal("ALREADY_APPLIED", retry.Code);
        Assert.Equal(1, await UnitCountAsync(agency));
    }

    [Fact]
    public async Task A_request_that_wrote_nothing_keeps_nothing_and_its_retry_runs_again()
    {
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new
        {
            query = UnitCalls.ChangeStatus,
            variables = new { input = new { unitId = "UmVzY3VlVW5pdDowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA=", status = "AVAILABLE" } },
        });

        var first = await PostAsync(body, key, App.Token("admin"));
        var retry = await PostAsync(body, key, App.Token("admin"));

        Assert.Equal(200, first.Status);
        Assert.Null(retry.Replayed);
        Assert.Equal(0L, await ScalarAsync($"select count(*) from muster.idempotency_keys where key = '{key}'"));
    }

    [Fact]
    public async Task A_malformed_key_is_refused_with_VALIDATION()
    {
        var response = await PostAsync(RegisterBody(Guid.NewGuid().ToString(), "x"), new string('k', 300), App.Token("admin"));

        Assert.Equal(400, response.Status);
        Assert.Equal("VALIDATION", response.Code);
    }

    private static string RegisterBody(string agencyId, string name) => JsonSerializer.Serialize(new
    {
        query = UnitCalls.Register,
        variables = new { input = new { name, kind = "FIRE_ENGINE", type = "II", capabilities = new[] { "fire" }, crewSize = 6, location = new { lat = 36.56, lon = 111.71 }, agencyId } },
    });

    private async Task<Answer> PostAsync(string body, string key, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add("Authorization", "Bearer " + token);
        using var client = App.CreateClient();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null;
        return new Answer((int)response.StatusCode, text, replayed);
    }

    private async Task<int> UnitCountAsync(string agency)
    {
        var response = await App.PostAsync("query($a: ID) { units(agencyId: $a) { totalCount } }", new { a = agency }, App.Token("admin"));
        return response.Data!["units"]!["totalCount"]!.GetValue<int>();
    }

    private async Task ExecuteAsync(string sql) => await ScalarAsync(sql);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private sealed record Answer(int Status, string Text, string? Replayed)
    {
        public JsonDocument Json { get; } = JsonDocument.Parse(Text);

        public string? Code => Json.RootElement.TryGetProperty("errors", out var errors)
            ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
            : null;
    }
}
