using GraphQL;
using GraphQLParser.AST;
using Muster.Units;
using Muster.Units.Locating;

namespace Muster.Api.Units;

/// <summary>
/// Whether a query's selection of <c>UnitDistance</c> reads anything of the unit that only its document holds
/// (name, crew, home station, …). When it does not, the finder answers from the location rows and reads no document.
/// </summary>
public static class UnitSelection
{
    /// <summary>The fields of <c>RescueUnit</c> that <see cref="UnitDetail.LocationRow"/> answers truly, with the member each reads.</summary>
    private static readonly Dictionary<string, string> RowFields = new()
    {
        ["__typename"] = nameof(RescueUnit.Id),
        ["id"] = nameof(RescueUnit.Id),
        ["kind"] = nameof(RescueUnit.Kind),
        ["status"] = nameof(RescueUnit.Status),
        ["capabilities"] = nameof(RescueUnit.Capabilities),
        ["location"] = nameof(RescueUnit.Location),
        ["agency"] = nameof(RescueUnit.AgencyId),
    };

    static UnitSelection()
    {
        if (RowFields.Values.FirstOrDefault(member => !UnitFinder.LocationRowFields.Contains(member)) is { } missing)
        {
            throw new InvalidOperationException($"{missing} is not on the units' location row");
        }
    }

    /// <summary>
    /// What the selection of the resolving field needs. Any fragment (named or inline) is taken to need the document:
    /// reading too much is slower, reading too little would answer wrong.
    /// </summary>
    public static UnitDetail Of(IResolveFieldContext context) =>
        context.FieldAst.SelectionSet is { } distance && distance.Selections.All(selection => selection switch
        {
            GraphQLField field when field.Name.StringValue == "unit" => RowOnly(field.SelectionSet),
            GraphQLField => true,
            _ => false,
        })
            ? UnitDetail.LocationRow
            : UnitDetail.Document;

    private static bool RowOnly(GraphQLSelectionSet? unit) =>
        unit is not null && unit.Selections.All(selection =>
            selection is GraphQLField field && RowFields.ContainsKey(field.Name.StringValue));
}
