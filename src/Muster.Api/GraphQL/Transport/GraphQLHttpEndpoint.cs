using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Muster.Api.GraphQL.Authorization;
using Muster.Api.GraphQL.Errors;
using Muster.Api.GraphQL.Limits;
using Muster.Api.Ide;
using Muster.Infrastructure.Reading;

namespace Muster.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (the GraphQL Foundation's spec) at /graphql: GET and POST, JSON and
/// graphql-response+json negotiation with their status-code rules, bounded JSON batches, and the IDE
/// for a browser that asks for HTML.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<MusterSchema> executer,
    IGraphQLSerializer serializer,
    GraphQLRequestReader reader,
    IdePage ide,
    IOptions<CostLimits> limits,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, MediaTypes.Json, new TransportError(405, "METHOD_NOT_ALLOWED", "Use GET or POST."));
            return;
        }

        if (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query") && MediaTypes.WantsHtml(request.Headers.Accept))
        {
            await ide.WriteAsync(http);
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, MediaTypes.Json, new TransportError(406, ErrorCode.NotAcceptable,
                $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}."));
            return;
        }

        if (await HasRejectedTokenAsync(http))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteErrorAsync(http, mediaType, new TransportError(401, ErrorCode.Unauthenticated,
                "The bearer token is invalid or expired."));
            return;
        }

        var read = await reader.ReadAsync(request, http.RequestAborted);
        if (read.Error is { } refused)
        {
            await WriteErrorAsync(http, mediaType, refused);
            return;
        }

        if (read.IsBatch)
        {
            // One scope for all: a query ahead of a mutation would leave the mutation's payload reading the standby.
            http.RequestServices.GetRequiredService<ReadRoute>().PinToPrimary();
        }

        var results = new List<ExecutionResult>(read.Requests.Count);
        foreach (var operation in read.Requests)
        {
            results.Add(await ExecuteAsync(http, operation));
        }

        object body = read.IsBatch ? results : results[0];
        using var buffer = new MemoryStream();
        try
        {
            await serializer.WriteAsync(new CappedStream(buffer, limits.Value.MaxResponseBytes), body, http.RequestAborted);
        }
        catch (CappedStream.LimitExceeded)
        {
            logger.LogInformation("GraphQL answer larger than {MaxResponseBytes} bytes refused", limits.Value.MaxResponseBytes);
            await WriteErrorAsync(http, mediaType, new TransportError(200, ErrorCode.ResponseTooLarge,
                $"The answer exceeds {limits.Value.MaxResponseBytes} bytes; ask for fewer fields or a smaller page."));
            return;
        }

        http.Response.StatusCode = read.IsBatch ? 200 : StatusOf(results[0], mediaType, http);
        if (results.Any(r => r.Errors?.Any(e => MusterErrorInfoProvider.CodeOf(e) == ErrorCode.ServiceUnavailable) == true))
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    /// <summary>When a client should try again after SERVICE_UNAVAILABLE: the database usually returns within seconds.</summary>
    public const string RetryAfterSeconds = "2";

    private Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLHttpRequest operation) =>
        executer.ExecuteAsync(operation.ToExecutionOptions(http.RequestServices, http.User, http.Request.Method, http.RequestAborted));

    /// <summary>
    /// application/json answers 200 whenever the request was well-formed; graphql-response+json answers
    /// 4xx when nothing executed (bad document, refused authorization).
    /// </summary>
    private static int StatusOf(ExecutionResult result, string mediaType, HttpContext http)
    {
        var codes = result.Errors?.Select(MusterErrorInfoProvider.CodeOf).Distinct().ToList() ?? [];
        if (codes.Contains(HttpMethodRule.MethodNotAllowed))
        {
            http.Response.Headers.Allow = "POST";
            return 405;
        }

        if (mediaType == MediaTypes.GraphQLResponse && codes.Contains(ErrorCode.ServiceUnavailable))
        {
            return 503;
        }

        if (mediaType == MediaTypes.Json || result.Executed)
        {
            return 200;
        }

        return codes switch
        {
            [AuthorizationRule.Unauthenticated] => 401,
            [AuthorizationRule.Forbidden] => 403,
            _ => 400,
        };
    }

    /// <summary>A request that sent a bearer token which failed validation is refused as a whole.</summary>
    private static async Task<bool> HasRejectedTokenAsync(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }

        var result = await http.AuthenticateAsync();
        return !result.Succeeded;
    }

    private async Task WriteErrorAsync(HttpContext http, string mediaType, TransportError error)
    {
        logger.LogDebug("GraphQL request refused: {Status} {Code}", error.Status, error.Code);
        http.Response.StatusCode = error.Status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(error.Message) { Code = error.Code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
