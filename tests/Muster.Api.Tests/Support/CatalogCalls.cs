using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class CatalogCalls
{
    public const string Define = """
        mutation Define($input: DefineItemInput!) {
          defineItem(input: $input) {
            item { id code name nameEn unit packSize category topClass shelfLifeDays definedAt }
            errors { code message field }
          }
        }
        """;

    public const string Items = """
        query Items($codePrefix: String, $search: String, $topClass: TopClass, $first: Int, $after: String) {
          items(codePrefix: $codePrefix, search: $search, topClass: $topClass, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { code name } }
          }
        }
        """;

    /// <summary>Defines an item as logistics and returns its global id.</summary>
    public static async Task<string> DefineAsync(MusterApp app, string code, string name, string unit = "顶", string? nameEn = null)
    {
        var response = await app.PostAsync(Define, new { input = new { code, name, unit, nameEn } }, app.Token("logistics"));
        var payload = response.Data?["defineItem"] ?? throw new InvalidOperationException(response.Text);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["item"]!["id"]!.GetValue<string>();
    }

    public static JsonArray Errors(GraphQLResponse response) => response.Data!["defineItem"]!["errors"]!.AsArray();

    /// <summary>The codes of a page of <c>items</c>, in order.</summary>
    public static IReadOnlyList<string> Codes(GraphQLResponse response) =>
        response.Data?["items"]?["edges"]?.AsArray().Select(e => e!["node"]!["code"]!.GetValue<string>()).ToList()
        ?? throw new InvalidOperationException(response.Text);
}
