using System.Text.Json.Nodes;
using Muster.Infrastructure;

namespace Muster.Api.Interop;

/// <summary>Values as the GraphQL API names them, so that GIS attributes read the same as the API (OUT_OF_SERVICE).</summary>
public static class ApiNames
{
    public static string Of(Enum value) => ApiName.Of(value);

    public static JsonArray List(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
