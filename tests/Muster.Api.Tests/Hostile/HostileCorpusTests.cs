using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Hostile;

/// <summary>An agency and a unit for the cases that act on existing things.</summary>
public sealed class HostileTargets : AppFixture
{
    public string AgencyId { get; private set; } = "";
    public string UnitId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AgencyId = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队");
        UnitId = await UnitCalls.RegisterAsync(App, AgencyId, "开元中队 水罐车", 36.5690, 111.7230);
    }
}

/// <summary>Every request of <c>tests/hostile</c> is refused quickly, with its code, and changes nothing.</summary>
public sealed class HostileCorpusTests(HostileTargets given) : IClassFixture<HostileTargets>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "hostile");

    public static TheoryData<string> Cases() => [.. Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Fact]
    public void The_corpus_is_there() => Assert.True(Cases().Count >= 20, $"expected the hostile corpus in {Folder}");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_hostile_request_is_refused_with_its_code_within_a_second_and_changes_nothing(string name)
    {
        var app = given.App;
        var hostile = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, name + ".json")))!;
        var expect = hostile["expect"]!;
        var eventsBefore = await app.EventCountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Body(hostile) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (hostile["token"]?.GetValue<string>() is { } role)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token(role));
        }

        using var client = app.CreateClient();
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();

        var answer = new GraphQLResponse((int)response.StatusCode, null, text);
        var codes = answer.ErrorCodes.Concat(PayloadErrorCodes(answer)).ToList();
        Assert.True((int)response.StatusCode < 500, $"{name}: HTTP {(int)response.StatusCode} {Shorten(text)}");
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", codes);
        Assert.True(expect["status"]!.GetValue<int>() == (int)response.StatusCode, $"{name}: HTTP {(int)response.StatusCode} {Shorten(text)}");
        Assert.True(codes.Contains(expect["code"]!.GetValue<string>()), $"{name}: codes [{string.Join(", ", codes)}] {Shorten(text)}");
        if (expect["maxErrors"]?.GetValue<int>() is { } maxErrors)
        {
            Assert.InRange(answer.ErrorCodes.Count, 1, maxErrors);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{name}: answered in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(eventsBefore, await app.EventCountAsync());
    }

    private HttpContent Body(JsonNode hostile)
    {
        if (hostile["bodyBase64"]?.GetValue<string>() is { } base64)
        {
            return new ByteArrayContent(Convert.FromBase64String(base64));
        }

        var text = hostile["bodyText"]?.GetValue<string>() ?? hostile["body"]!.ToJsonString();
        if (hostile["repeat"] is { } repeat)
        {
            var times = repeat["times"]!.GetValue<int>();
            var piece = repeat["text"]!.GetValue<string>();
            var flood = new StringBuilder();
            for (var i = 0; i < times; i++)
            {
                flood.Append(piece.Replace("#", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            text = text.Replace("@@", flood.ToString(), StringComparison.Ordinal);
        }

        text = text.Replace("{{unitId}}", given.UnitId, StringComparison.Ordinal).Replace("{{agencyId}}", given.AgencyId, StringComparison.Ordinal);
        return new ByteArrayContent(Encoding.UTF8.GetBytes(text));
    }

    private static IEnumerable<string> PayloadErrorCodes(GraphQLResponse answer) =>
        answer.Data is JsonObject data
            ? data.Select(p => p.Value?["errors"]).OfType<JsonArray>().SelectMany(a => a).Select(e => e?["code"]?.GetValue<string>() ?? "")
            : [];

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
