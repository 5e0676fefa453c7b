using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Muster.Api.ApiKeys;

namespace Muster.Api.Interop.Ogc;

/// <summary>
/// Absolute links of the OGC documents. A key given as the <c>api_key</c> parameter is carried into every link,
/// because a GIS client follows links as they are and has nowhere else to keep it.
/// </summary>
public sealed class OgcLinks(HttpRequest request)
{
    private readonly string _root = $"{request.Scheme}://{request.Host}{request.PathBase}{OgcModule.Path}";
    private readonly string? _key = request.Query[ApiKeyCaller.QueryParameter].FirstOrDefault();

    public string Url(string path, IDictionary<string, string?>? query = null)
    {
        var parameters = new Dictionary<string, string?>(query ?? new Dictionary<string, string?>());
        if (_key is not null)
        {
            parameters[ApiKeyCaller.QueryParameter] = _key;
        }

        return QueryHelpers.AddQueryString(_root + path, parameters);
    }

    public JsonObject Link(string rel, string type, string title, string path, IDictionary<string, string?>? query = null) => new()
    {
        ["href"] = Url(path, query),
        ["rel"] = rel,
        ["type"] = type,
        ["title"] = title,
    };
}
