using GraphQL.Types;
using Muster.Supplies;
using Muster.Transfers;

namespace Muster.Api.Transfers;

public sealed record TransferStockInput(string FromDepotId, string ToDepotId, string ItemCode, int Quantity, string? Note);

public sealed class TransferStockInputType : InputObjectGraphType<TransferStockInput>
{
    public TransferStockInputType()
    {
        Name = "TransferStockInput";
        Field<NonNullGraphType<IdGraphType>>("fromDepotId").Description("The depot the stock leaves.");
        Field<NonNullGraphType<IdGraphType>>("toDepotId").Description("The depot it goes to; not the same.");
        Field<NonNullGraphType<StringGraphType>>("itemCode").Description("The item's 7-digit catalog code.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"In the item's unit, 1 to {StockRules.MaxMovement}, at most what is available at the source.");
        Field<StringGraphType>("note").Description("Why, or on whose order; at most 500 characters.");
    }
}

public sealed record ShipTransferInput(string TransferId, string Vehicle, string Driver);

public sealed class ShipTransferInputType : InputObjectGraphType<ShipTransferInput>
{
    public ShipTransferInputType()
    {
        Name = "ShipTransferInput";
        Field<NonNullGraphType<IdGraphType>>("transferId");
        Field<NonNullGraphType<StringGraphType>>("vehicle").Description($"Plate or call sign, 1 to {TransferRules.MaxCarrierLength} characters, e.g. 晋L·A1234.");
        Field<NonNullGraphType<StringGraphType>>("driver").Description($"Who drives it, 1 to {TransferRules.MaxCarrierLength} characters.");
    }
}

public sealed record ReceiveTransferInput(string TransferId);

public sealed class ReceiveTransferInputType : InputObjectGraphType<ReceiveTransferInput>
{
    public ReceiveTransferInputType()
    {
        Name = "ReceiveTransferInput";
        Field<NonNullGraphType<IdGraphType>>("transferId");
    }
}

public sealed record CancelTransferInput(string TransferId, string Reason);

public sealed class CancelTransferInputType : InputObjectGraphType<CancelTransferInput>
{
    public CancelTransferInputType()
    {
        Name = "CancelTransferInput";
        Field<NonNullGraphType<IdGraphType>>("transferId");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("1 to 500 characters.");
    }
}
