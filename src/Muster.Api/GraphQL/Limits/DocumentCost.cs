using System.Runtime.CompilerServices;
using GraphQLParser.AST;

namespace Muster.Api.GraphQL.Limits;

/// <summary>
/// What a document costs once its fragments are expanded, counted in time linear in the document's text: each
/// fragment's cost is computed once and multiplied by its spreads, so a fragment that spreads another twice, thirty
/// times over, is counted as the 2^30 fields it stands for without expanding it. Counts saturate instead of overflowing.
/// </summary>
public sealed record DocumentCost(double Fields, double Aliases, double Directives, double Introspections, int Depth)
{
    private static readonly DocumentCost Zero = new(0, 0, 0, 0, 0);

    /// <summary>The cost of the operation <paramref name="operationName"/> (or the only one); every operation's maximum when it is not found.</summary>
    public static DocumentCost Of(GraphQLDocument document, string? operationName)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        var operations = new List<GraphQLOperationDefinition>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLFragmentDefinition fragment:
                    fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
                    break;
                case GraphQLOperationDefinition operation:
                    operations.Add(operation);
                    break;
            }
        }

        var counter = new Counter(fragments);
        var chosen = operations.Where(o => operationName is null || o.Name?.StringValue == operationName).ToList();
        if (chosen.Count == 0)
        {
            chosen = operations;
        }

        var cost = Zero;
        foreach (var operation in chosen)
        {
            var one = counter.Count(operation.SelectionSet).Plus(OfDirectives(operation.Directives));
            cost = new DocumentCost(Math.Max(cost.Fields, one.Fields), Math.Max(cost.Aliases, one.Aliases),
                Math.Max(cost.Directives, one.Directives), Math.Max(cost.Introspections, one.Introspections), Math.Max(cost.Depth, one.Depth));
        }

        // Fragments no operation uses are still validated, once each.
        foreach (var fragment in fragments.Values)
        {
            cost = cost with { Directives = cost.Directives + OfDirectives(fragment.Directives).Directives };
        }

        return cost;
    }

    private DocumentCost Plus(DocumentCost other) => new(
        Fields + other.Fields, Aliases + other.Aliases, Directives + other.Directives, Introspections + other.Introspections,
        Math.Max(Depth, other.Depth));

    private static DocumentCost OfDirectives(GraphQLDirectives? directives) => Zero with { Directives = directives?.Count ?? 0 };

    private sealed class Counter(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, DocumentCost> _known = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

        public DocumentCost Count(GraphQLSelectionSet? set)
        {
            if (set is null)
            {
                return Zero;
            }

            // A document nested beyond what the stack holds is too deep, whatever the limits say.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var cost = Zero;
            foreach (var selection in set.Selections)
            {
                cost = cost.Plus(selection switch
                {
                    GraphQLField field => Field(field),
                    GraphQLInlineFragment inline => Count(inline.SelectionSet).Plus(OfDirectives(inline.Directives)),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue).Plus(OfDirectives(spread.Directives)),
                    _ => Zero,
                });
            }

            return cost;
        }

        private DocumentCost Field(GraphQLField field)
        {
            var inner = Count(field.SelectionSet);
            var name = field.Name.StringValue;
            var own = new DocumentCost(1, field.Alias is null ? 0 : 1, field.Directives?.Count ?? 0,
                name is "__schema" or "__type" ? 1 : 0, 0);
            return own.Plus(inner) with { Depth = inner.Depth + 1 };
        }

        private DocumentCost Fragment(string name)
        {
            if (_known.TryGetValue(name, out var known))
            {
                return known;
            }

            // An unknown fragment or a cycle costs nothing here: validation refuses both.
            if (!fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name))
            {
                return Zero;
            }

            var cost = Count(fragment.SelectionSet);
            _visiting.Remove(name);
            _known[name] = cost;
            return cost;
        }
    }
}
