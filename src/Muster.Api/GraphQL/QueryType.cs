using GraphQL.Types;

namespace Muster.Api.GraphQL;

/// <summary>The query root: the fields each capability registers (<see cref="RootFieldsRegistration.AddQueryFields"/>).</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<RootFields> fields)
    {
        Name = "Query";
        this.AddFields(Root.Query, fields);
    }
}
