using System.Globalization;
using GraphQL;
using GraphQL.DI;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using Muster.Api.GraphQL.Errors;
using Muster.Api.GraphQL.Transport;

namespace Muster.Api.GraphQL.Limits;

/// <summary>
/// Refuses a request that would cost more than <see cref="CostLimits"/> allow before GraphQL.NET validates or runs
/// it: the document is parsed here with a depth limit, its cost counted in linear time (<see cref="DocumentCost"/>),
/// its variables measured. Validation and complexity analysis walk expanded fragments, so a small document of
/// nested fragment spreads would otherwise hold a core for minutes. Also caps the number of errors in an answer.
/// Runs after <see cref="Caching.ValidatedDocumentCache"/>: a document found there passed these limits before.
/// </summary>
public sealed class CostLimit(IOptions<CostLimits> limits, IOptions<GraphQLHttpOptions> http) : IConfigureExecution
{
    public float SortOrder => 250;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var refusal = CheckVariables(options.Variables) ?? (options.Document is null ? CheckDocument(options) : null);
        var result = refusal is null ? await next(options) : Refused(refusal);
        CapErrors(result);
        return result;
    }

    private ExecutionError? CheckDocument(ExecutionOptions options)
    {
        if (options.Query is not { } query)
        {
            return null;
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = limits.Value.MaxParserDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return TooDeep($"The document nests deeper than {limits.Value.MaxParserDepth} levels.");
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null; // GraphQL.NET parses it again and answers SYNTAX_ERROR with the location.
        }

        var fragments = document.Definitions.Count(d => d is GraphQLFragmentDefinition);
        if (fragments > limits.Value.MaxFragments)
        {
            return TooComplex($"The document defines {fragments} fragments; at most {limits.Value.MaxFragments}.");
        }

        DocumentCost cost;
        try
        {
            cost = DocumentCost.Of(document, options.OperationName);
        }
        catch (InsufficientExecutionStackException)
        {
            return TooDeep("The document nests its fragments too deep.");
        }

        var maxDepth = Math.Max(http.Value.MaxDepth, QueryLimits.IntrospectionMaxDepth);
        var l = limits.Value;
        var refusal = cost.Depth > maxDepth
            ? TooDeep($"Query is too nested to execute: depth {cost.Depth} once fragments are expanded, the maximum depth is {maxDepth}.")
            : Over(cost.Fields, l.MaxFields, "field selections")
              ?? Over(cost.Aliases, l.MaxAliases, "aliased fields")
              ?? Over(cost.Directives, l.MaxDirectives, "directives")
              ?? Over(cost.Introspections, l.MaxIntrospections, "introspection fields (__schema, __type)")
              ?? TextRefusal.InDocument(document);
        if (refusal is null)
        {
            options.Document = document;
        }

        return refusal;
    }

    private ExecutionError? CheckVariables(Inputs? variables)
    {
        if (variables is null)
        {
            return null;
        }

        var measure = new VariableMeasure(limits.Value.MaxListItems, limits.Value.MaxVariableValues);
        return measure.Check(variables);
    }

    private static ExecutionError? Over(double count, int max, string what) =>
        count > max
            ? TooComplex($"Query is too complex to execute: {count.ToString("#,0", CultureInfo.InvariantCulture)} {what} once fragments are expanded; at most {max}.")
            : null;

    private static ExecutionError TooDeep(string message) => new(message) { Code = ErrorCode.QueryTooDeep };

    private static ExecutionError TooComplex(string message) => new(message) { Code = ErrorCode.QueryTooComplex };

    private static ExecutionResult Refused(ExecutionError error) => new() { Errors = [error] };

    private void CapErrors(ExecutionResult result)
    {
        var max = Math.Max(1, limits.Value.MaxErrors);
        if (result.Errors is not { } errors || errors.Count <= max)
        {
            return;
        }

        var capped = new ExecutionErrors();
        foreach (var error in errors.Take(max - 1))
        {
            capped.Add(error);
        }

        capped.Add(new ExecutionError($"{errors.Count - (max - 1)} more errors were left out; fix these and send the request again.")
        {
            Code = ErrorCode.TooManyErrors,
        });
        result.Errors = capped;
    }
}
