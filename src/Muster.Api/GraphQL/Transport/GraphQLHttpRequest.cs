using GraphQL;

namespace Muster.Api.GraphQL.Transport;

/// <summary>One operation request as the GraphQL over HTTP spec defines its parameters.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

/// <summary>A request the transport refuses before execution: HTTP status, error code, message.</summary>
public sealed record TransportError(int Status, string Code, string Message);
