using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;

namespace Muster.Supplies;

/// <summary>What every stock movement checks first.</summary>
public static class StockRules
{
    /// <summary>The most one movement may carry; more is a typing slip, not a delivery.</summary>
    public const int MaxMovement = 1_000_000;

    /// <summary>The most a stock line may hold.</summary>
    public const int MaxOnHand = 1_000_000_000;

    public const int MaxLotLength = 64;
    public const int MaxTextLength = 500;

    public static DomainError? Quantity(int quantity, string field = "quantity") =>
        quantity is < 1 or > MaxMovement
            ? DomainError.Validation($"{field} must be between 1 and {MaxMovement}, got {quantity}", field)
            : null;

    /// <summary>
    /// The depot takes stock movements from <paramref name="actor"/>: a depot the actor may not see is NOT_FOUND (a
    /// partner learns nothing of another agency's private depot), one it sees but does not keep is FORBIDDEN.
    /// </summary>
    public static DomainError? MayMoveStock(Depot? depot, Actor actor)
    {
        if (depot is null || !DepotVisibility.MaySee(actor, depot))
        {
            return DomainError.NotFound("no such depot", "depotId");
        }

        return DepotRules.MayChange(depot, actor);
    }

    /// <summary>The item, or why the code names none.</summary>
    public static DomainError? Item(string itemCode, Item? item) =>
        ItemCode.Check(itemCode, "itemCode") ?? (item is null ? DomainError.NotFound($"no item {itemCode} in the catalog", "itemCode") : null);

    /// <summary>The lot on the shelf, or NOT_FOUND.</summary>
    public static Result<LotBalance> Lot(StockLine? line, string lot) =>
        line?.Lot(lot.Trim()) is { } found
            ? found
            : DomainError.NotFound($"no lot '{lot.Trim()}' of this item in the depot", "lot");

    /// <summary>A trimmed free text of 1..<see cref="MaxTextLength"/> characters (a reason), or why not.</summary>
    public static Result<string> Text(string? text, string field, bool required)
    {
        var checkedText = TextRules.FreeText(text, field, MaxTextLength, required);
        return checkedText.Succeeded ? checkedText.Value ?? string.Empty : Result<string>.Fail(checkedText.Errors);
    }
}
