using Microsoft.Net.Http.Headers;

namespace Muster.Api.GraphQL.Transport;

/// <summary>Content negotiation of the GraphQL over HTTP spec.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The response type the client accepts best; JSON when Accept is missing; null when it accepts neither.</summary>
    public static string? Negotiate(IList<string> accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return Json;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var type = range.MediaType.Value?.ToLowerInvariant();
            var candidate = type switch
            {
                GraphQLResponse => GraphQLResponse,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };
            if (candidate is not null && quality > bestQuality
                || candidate == GraphQLResponse && quality == bestQuality && quality > 0)
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>True when a browser asks for a page rather than for data.</summary>
    public static bool WantsHtml(IList<string> accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        var html = ranges.FirstOrDefault(r => r.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        var json = ranges.FirstOrDefault(r => r.MediaType.Value is Json or GraphQLResponse);
        return html is not null && (json is null || (html.Quality ?? 1) > (json.Quality ?? 1));
    }

    /// <summary>Only JSON bodies in UTF-8: form types would let a cross-site form post an operation.</summary>
    public static bool IsJsonBody(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Value is null || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
