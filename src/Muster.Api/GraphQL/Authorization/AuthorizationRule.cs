using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Muster.Api.Auth;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Authorization;

/// <summary>
/// Enforces authorization before anything executes: every root field needs an authenticated caller
/// (unless marked AllowAnonymous), and fields and types marked with roles need one of those roles.
/// Introspection needs authentication outside Development. Failures are top-level errors with
/// <c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c>; nothing of the operation runs.
/// </summary>
public sealed class AuthorizationRule(IHostEnvironment environment) : ValidationRuleBase
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor(environment.IsDevelopment()));

    private sealed class Visitor(bool openIntrospection) : INodeVisitor
    {
        private readonly HashSet<string> _reported = [];
        private bool _inOtherOperation;

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _inOtherOperation = !ReferenceEquals(operation, context.Operation);
                    break;
                case GraphQLFragmentDefinition:
                    _inOtherOperation = false;
                    break;
                case GraphQLField field when !_inOtherOperation:
                    Check(field, context);
                    break;
            }

            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

        private void Check(GraphQLField field, ValidationContext context)
        {
            var name = field.Name.StringValue;
            var parent = context.TypeInfo.GetParentType();
            if (name == "__typename" || parent is null)
            {
                return;
            }

            if (name is "__schema" or "__type")
            {
                if (!openIntrospection && !Authenticated(context.User))
                {
                    Report(context, field, "introspection", Unauthenticated, "Introspection requires a bearer token.");
                }

                return;
            }

            var definition = context.TypeInfo.GetFieldDef();
            var isRoot = ReferenceEquals(parent, context.Schema.Query)
                || ReferenceEquals(parent, context.Schema.Mutation)
                || ReferenceEquals(parent, context.Schema.Subscription);
            var needsCaller = isRoot && definition?.IsAnonymousAllowed() != true;
            var guarded = new List<IMetadataReader>(2);
            if (parent is IMetadataReader parentMeta && RoleCheck.RequiresRoles(parentMeta))
            {
                guarded.Add(parentMeta);
            }

            if (definition is not null && RoleCheck.RequiresRoles(definition))
            {
                guarded.Add(definition);
            }

            if (!needsCaller && guarded.Count == 0)
            {
                return;
            }

            var where = $"{parent.Name}.{name}";
            if (!Authenticated(context.User))
            {
                Report(context, field, where, Unauthenticated, $"'{where}' requires a bearer token.");
                return;
            }

            var viewer = HttpActorAccessor.ActorOf(context.User);
            if (viewer is null)
            {
                Report(context, field, where, Forbidden, "The token carries no known role (admin, commander, logistics, partner).");
                return;
            }

            foreach (var element in guarded.Where(e => !RoleCheck.Allows(e, viewer)))
            {
                var roles = string.Join(", ", element.GetRoles() ?? []);
                Report(context, field, where, Forbidden, $"'{where}' requires the role {roles}; you are {viewer.Role.Name()}.");
                return;
            }
        }

        private static bool Authenticated(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;

        private void Report(ValidationContext context, GraphQLField field, string where, string code, string message)
        {
            if (_reported.Add(where))
            {
                context.ReportError(new ValidationError(context.Document.Source, "authorization", message, field) { Code = code });
            }
        }
    }
}
