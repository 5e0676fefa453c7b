using GraphQL;
using Microsoft.Extensions.Options;
using Muster.Api.GraphQL.Transport;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>What every WebSocket connection uses, resolved once.</summary>
public sealed record ConnectionServices(
    IDocumentExecuter<MusterSchema> Executer,
    IGraphQLSerializer Serializer,
    GraphQLRequestReader Requests,
    ConnectionInitAuthenticator Authenticator,
    IServiceScopeFactory Scopes,
    IOptions<GraphQLWebSocketOptions> Options,
    TimeProvider Time,
    ILogger<GraphQLWebSocketConnection> Logger);
