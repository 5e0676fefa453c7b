using GraphQL;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Catalog;

namespace Muster.Api.Supplies;

/// <summary>The arguments stock queries share, read one way everywhere.</summary>
public static class StockArguments
{
    /// <summary>The depot argument's id; an id that is not a depot's names none (<see cref="Guid.Empty"/>), matching nothing.</summary>
    public static Guid? DepotId(IResolveFieldContext context, string name = "depotId") =>
        context.GetArgument<string?>(name) is { } id ? GlobalId.Of(DepotType.TypeName, id) ?? Guid.Empty : null;

    /// <summary>The item-code argument, refused as a VALIDATION error when it is not a 7-digit catalog code.</summary>
    public static string? ItemCode(IResolveFieldContext context, string name = "itemCode")
    {
        var code = context.GetArgument<string?>(name);
        if (code is not null && Muster.Catalog.ItemCode.Check(code, name) is { } invalid)
        {
            throw new ExecutionError(invalid.Message) { Code = "VALIDATION" };
        }

        return code;
    }
}
