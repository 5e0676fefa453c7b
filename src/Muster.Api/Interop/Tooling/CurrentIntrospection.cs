using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Muster.Api.Interop.Tooling;

/// <summary>
/// What GraphQL.NET 8 lacks of the October 2021 specification's introspection, which current tools ask for:
/// <c>__Type.specifiedByURL</c> (the specification of each custom scalar, null for the rest) and the
/// <c>includeDeprecated</c> argument of <c>__Directive.args</c> (no directive argument here is deprecated).
/// </summary>
public sealed class CurrentIntrospection : BaseSchemaNodeVisitor
{
    private static readonly Dictionary<string, string> Specifications = new()
    {
        ["DateTime"] = "https://scalars.graphql.org/andimarek/date-time",
    };

    public override void VisitObject(IObjectGraphType type, ISchema schema)
    {
        if (type.Name == "__Type" && !type.HasField("specifiedByURL"))
        {
            type.AddField(new FieldType
            {
                Name = "specifiedByURL",
                Description = "Where a custom scalar's behaviour is specified.",
                ResolvedType = schema.AllTypes["String"],
                Resolver = new FuncFieldResolver<object?>(context =>
                    context.Source is IGraphType { Name: { } name } && Specifications.TryGetValue(name, out var url) ? url : null),
            });
        }

        if (type.Name == "__Directive" && type.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument(schema.AllTypes["Boolean"]!) { Name = "includeDeprecated", DefaultValue = false });
        }
    }
}
