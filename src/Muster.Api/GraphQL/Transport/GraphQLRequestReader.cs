using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using Microsoft.Extensions.Options;
using Muster.Api.GraphQL.Errors;

namespace Muster.Api.GraphQL.Transport;

/// <summary>Reads GET query parameters or a JSON POST body (one request or a bounded batch) into operation requests.</summary>
public sealed class GraphQLRequestReader(IGraphQLSerializer serializer, IOptions<GraphQLHttpOptions> options)
{
    public sealed record Read(IReadOnlyList<GraphQLHttpRequest> Requests, bool IsBatch, TransportError? Error)
    {
        public static Read Refused(int status, string code, string message) => new([], false, new TransportError(status, code, message));
    }

    public async Task<Read> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return FromQueryString(request.Query);
        }

        if (string.IsNullOrEmpty(request.ContentType))
        {
            return Read.Refused(415, ErrorCode.UnsupportedMediaType, "A POST needs Content-Type: application/json.");
        }

        if (!MediaTypes.IsJsonBody(request.ContentType))
        {
            return Read.Refused(415, ErrorCode.UnsupportedMediaType,
                $"Content-Type '{request.ContentType}' is not accepted; send application/json in UTF-8.");
        }

        var body = await ReadBodyAsync(request, options.Value.MaxRequestBytes, ct);
        if (body is null)
        {
            return Read.Refused(413, ErrorCode.PayloadTooLarge, $"The request body exceeds {options.Value.MaxRequestBytes} bytes.");
        }

        if (!Utf8.IsValid(body))
        {
            return Read.Refused(400, ErrorCode.BadRequest, "The request body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return Read.Refused(400, ErrorCode.BadRequest, "The request body is not valid JSON (UTF-8).");
        }

        using (document)
        {
            return JsonBodyCheck.ProblemOf(document.RootElement) is { } problem
                ? Read.Refused(400, ErrorCode.BadRequest, problem)
                : FromJson(document.RootElement);
        }
    }

    private Read FromJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return One(ReadOperation(root));
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            return Read.Refused(400, ErrorCode.BadRequest, "The request body must be a JSON object, or an array of them for a batch.");
        }

        var count = root.GetArrayLength();
        if (count == 0 || count > options.Value.MaxBatchSize)
        {
            return Read.Refused(400, ErrorCode.BatchTooLarge, $"A batch holds 1 to {options.Value.MaxBatchSize} operations, got {count}.");
        }

        var requests = new List<GraphQLHttpRequest>(count);
        foreach (var element in root.EnumerateArray())
        {
            var (request, error) = element.ValueKind == JsonValueKind.Object
                ? ReadOperation(element)
                : (null, "Each operation of a batch must be a JSON object.");
            if (error is not null)
            {
                return Read.Refused(400, ErrorCode.BadRequest, error);
            }

            requests.Add(request!);
        }

        return new Read(requests, true, null);
    }

    /// <summary>One operation's parameters from a JSON object: a POST body, a batch entry, or a WebSocket subscribe payload.</summary>
    public (GraphQLHttpRequest? Request, string? Error) ReadOperation(JsonElement body)
    {
        if (!body.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return (null, "The parameter 'query' must be a string holding a GraphQL document.");
        }

        if (!OptionalString(body, "operationName", out var operationName))
        {
            return (null, "The parameter 'operationName' must be a string or null.");
        }

        if (!OptionalObject(body, "variables", out var variables) || !OptionalObject(body, "extensions", out var extensions))
        {
            return (null, "The parameters 'variables' and 'extensions' must be JSON objects or null.");
        }

        return (new GraphQLHttpRequest(query.GetString()!, operationName, ToInputs(variables), ToInputs(extensions)), null);
    }

    private Read FromQueryString(IQueryCollection query)
    {
        if (query["query"].Count != 1 || string.IsNullOrEmpty(query["query"][0]))
        {
            return Read.Refused(400, ErrorCode.BadRequest, "A GET needs exactly one 'query' parameter.");
        }

        var variables = ParseObjectParameter(query, "variables");
        var extensions = ParseObjectParameter(query, "extensions");
        if (variables.Error || extensions.Error)
        {
            return Read.Refused(400, ErrorCode.BadRequest, "The parameters 'variables' and 'extensions' must be URL-encoded JSON objects.");
        }

        var operationName = query["operationName"].FirstOrDefault();
        return One((new GraphQLHttpRequest(query["query"][0]!, string.IsNullOrEmpty(operationName) ? null : operationName,
            variables.Value, extensions.Value), null));
    }

    private (Inputs? Value, bool Error) ParseObjectParameter(IQueryCollection query, string name)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return (null, false);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => (ToInputs(document.RootElement), false),
                JsonValueKind.Null => (null, false),
                _ => (null, true),
            };
        }
        catch (JsonException)
        {
            return (null, true);
        }
    }

    private static Read One((GraphQLHttpRequest? Request, string? Error) parsed) =>
        parsed.Error is null ? new Read([parsed.Request!], false, null) : Read.Refused(400, ErrorCode.BadRequest, parsed.Error);

    private Inputs? ToInputs(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? serializer.ReadNode<Inputs>(value.Clone()) : null;

    private static bool OptionalString(JsonElement body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = property.ValueKind == JsonValueKind.String ? property.GetString() : null;
        return property.ValueKind == JsonValueKind.String;
    }

    private static bool OptionalObject(JsonElement body, string name, out JsonElement? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = property;
        return property.ValueKind == JsonValueKind.Object;
    }

    /// <summary>The body, or null when it is larger than the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
