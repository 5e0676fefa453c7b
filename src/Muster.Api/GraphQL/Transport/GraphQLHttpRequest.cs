using System.Security.Claims;
using GraphQL;
using Muster.Api.GraphQL.Authorization;

namespace Muster.Api.GraphQL.Transport;

/// <summary>One operation request as the GraphQL over HTTP spec defines its parameters.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions)
{
    /// <summary>
    /// How the operation executes for <paramref name="user"/>; <paramref name="method"/> (GET, POST, or WS for
    /// the WebSocket) tells <see cref="HttpMethodRule"/> which operation types the transport may run.
    /// </summary>
    public ExecutionOptions ToExecutionOptions(IServiceProvider services, ClaimsPrincipal user, string method, CancellationToken ct) => new()
    {
        Query = Query,
        OperationName = OperationName,
        Variables = Variables,
        Extensions = Extensions,
        RequestServices = services,
        User = user,
        CancellationToken = ct,
        UserContext = new Dictionary<string, object?> { [HttpMethodRule.HttpMethodKey] = method },
    };
}

/// <summary>A request the transport refuses before execution: HTTP status, error code, message.</summary>
public sealed record TransportError(int Status, string Code, string Message);
