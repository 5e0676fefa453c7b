using GraphQL.Types;

namespace Muster.Api.GraphQL.Relay;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global, opaque id that node(id) and nodes(ids) can fetch again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id: opaque, stable, never parse it.");
    }
}
