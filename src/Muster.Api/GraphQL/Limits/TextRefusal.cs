using GraphQL;
using GraphQLParser.AST;
using Muster.Api.GraphQL.Errors;

namespace Muster.Api.GraphQL.Limits;

/// <summary>
/// U+0000 is refused in every text a request carries (variables and string literals of the document): PostgreSQL
/// stores no such character in text or jsonb, so it would surface as an internal error. The finer rules for names,
/// codes and tags live in the domain (Muster.Infrastructure.Text).
/// </summary>
public static class TextRefusal
{
    public static ExecutionError? Of(string text, string path) =>
        text.Contains('\0', StringComparison.Ordinal)
            ? new ExecutionError($"'{path}' contains U+0000, which no text may hold.") { Code = ErrorCode.Validation }
            : null;

    public static ExecutionError? InDocument(GraphQLDocument document)
    {
        if (!document.Source.Span.Contains("\\u", StringComparison.OrdinalIgnoreCase))
        {
            return null; // Only an escape sequence can put U+0000 into a GraphQL string.
        }

        var stack = new Stack<ASTNode>();
        stack.Push(document);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is GraphQLStringValue value && value.Value.Span.Contains('\0'))
            {
                return new ExecutionError($"A string in the document contains U+0000, which no text may hold.") { Code = ErrorCode.Validation };
            }

            foreach (var child in Children(node))
            {
                stack.Push(child);
            }
        }

        return null;
    }

    private static IEnumerable<ASTNode> Children(ASTNode node) => node switch
    {
        GraphQLDocument d => d.Definitions,
        GraphQLOperationDefinition o => Of(o.SelectionSet, o.Directives, o.Variables),
        GraphQLFragmentDefinition f => Of(f.SelectionSet, f.Directives),
        GraphQLVariablesDefinition v => v.Items,
        GraphQLVariableDefinition v => v.DefaultValue is { } d ? [d] : [],
        GraphQLSelectionSet s => s.Selections,
        GraphQLField f => Of(f.SelectionSet, f.Directives, f.Arguments),
        GraphQLInlineFragment i => Of(i.SelectionSet, i.Directives),
        GraphQLFragmentSpread s => Of(s.Directives),
        GraphQLDirectives d => d.Items,
        GraphQLDirective d => Of(d.Arguments),
        GraphQLArguments a => a.Items,
        GraphQLArgument a => [a.Value],
        GraphQLListValue l => l.Values ?? [],
        GraphQLObjectValue o => o.Fields ?? [],
        GraphQLObjectField f => [f.Value],
        _ => [],
    };

    private static IEnumerable<ASTNode> Of(params ASTNode?[] nodes) => nodes.OfType<ASTNode>();
}
