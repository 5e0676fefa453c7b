using GraphQL.Validation;
using GraphQLParser.AST;

namespace Muster.Api.GraphQL.Authorization;

/// <summary>GET may only read: a mutation over GET could be triggered by a link or an image tag. Subscriptions need the WebSocket.</summary>
public sealed class HttpMethodRule : ValidationRuleBase
{
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string HttpMethodKey = "http.method";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
        {
            if (!ReferenceEquals(operation, ctx.Operation))
            {
                return;
            }

            var method = ctx.UserContext.TryGetValue(HttpMethodKey, out var m) ? m as string : null;
            if (operation.Operation == OperationType.Mutation && method == "GET")
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, "http-method",
                    "Mutations are refused over GET; send them with POST.", operation) { Code = MethodNotAllowed });
            }
            else if (operation.Operation == OperationType.Subscription && method is "GET" or "POST")
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, "http-method",
                    "Subscriptions run over the WebSocket at /graphql (graphql-transport-ws), not over HTTP.", operation) { Code = MethodNotAllowed });
            }
        }));
}
