using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQLParser.AST;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.GraphQL.Transport;

/// <summary>
/// Depth and complexity limits. An operation that only introspects (what an IDE sends to learn the
/// schema) nests type references deeper than any data query needs, so it gets its own depth limit and
/// no complexity limit: the schema it walks is finite.
/// </summary>
public static class QueryLimits
{
    public const int IntrospectionMaxDepth = 20;

    public static void Configure(ComplexityOptions complexity, GraphQLHttpOptions limits)
    {
        complexity.MaxDepth = null;
        complexity.MaxComplexity = null;
        var standard = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = context =>
        {
            // A page larger than any list serves is refused by the field with a clear message; count it at the cap here.
            var impact = standard(context);
            return impact.ChildImpactMultiplier > Connections.MaxPageSize
                ? new FieldComplexityResult(impact.FieldImpact, Connections.MaxPageSize)
                : impact;
        };
        complexity.ValidateComplexityDelegate = context =>
        {
            var introspection = IsIntrospectionOnly(context.ValidationContext.Operation);
            var maxDepth = introspection ? IntrospectionMaxDepth : limits.MaxDepth;
            if (context.MaxDepth > maxDepth)
            {
                context.Error = new ComplexityError(
                    $"Query is too nested to execute: depth {context.MaxDepth}, the maximum depth is {maxDepth}.");
            }
            else if (!introspection && context.TotalImpact > limits.MaxComplexity)
            {
                context.Error = new ComplexityError(
                    $"Query is too complex to execute: complexity {context.TotalImpact:0}, the maximum is {limits.MaxComplexity}.");
            }

            return Task.CompletedTask;
        };
    }

    private static bool IsIntrospectionOnly(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(selection =>
            selection is GraphQLField field && field.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
}
