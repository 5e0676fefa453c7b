using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Muster.Api.GraphQL.Caching;

/// <summary>
/// Keeps the parsed form of documents that passed validation, keyed by their text. A document seen again is neither
/// parsed nor checked again against the spec's rules (they depend on the document and the schema only); the
/// service's own rules (authorization, HTTP method, complexity) still run on every request, for its user,
/// transport and variables. Partner systems send the same few documents over and over.
/// </summary>
public sealed class ValidatedDocumentCache : IConfigureExecution
{
    /// <summary>Documents kept; when full the cache starts over rather than track recency.</summary>
    public const int Capacity = 1_000;

    /// <summary>Longer documents are not kept: the cache is for the repeated requests of client systems.</summary>
    public const int MaxQueryLength = 20_000;

    private static readonly HashSet<IValidationRule> SpecRules = [.. DocumentValidator.CoreRules];
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { Length: <= MaxQueryLength } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var document))
        {
            options.Document = document;
            options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules).Where(rule => !SpecRules.Contains(rule)).ToList();
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is not null)
        {
            if (_documents.Count >= Capacity)
            {
                _documents.Clear();
            }

            _documents.TryAdd(query, result.Document);
        }

        return result;
    }
}
