using GraphQL.Types;
using Muster.Api.Audit;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Supplies;
using Muster.Supplies.History;

namespace Muster.Api.Supplies;

public sealed class StockAsOfType : ObjectGraphType<StockAsOf>
{
    public StockAsOfType()
    {
        Name = "StockAsOf";
        Description = "A stock line as it stood at a past moment, computed from its events.";
        Field<NonNullGraphType<DepotType>>("depot").Resolve(c => DepotNodeSource.Loader(c.RequestServices!).Load(c.Source.DepotId));
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<IntGraphType>>("onHand").Resolve(c => c.Source.Line?.OnHand ?? 0);
        Field<NonNullGraphType<IntGraphType>>("reserved").Resolve(c => c.Source.Line?.Reserved ?? 0);
        Field<NonNullGraphType<IntGraphType>>("available").Resolve(c => c.Source.Line?.Available ?? 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LotType>>>>("lots")
            .Description("The lots on the shelf then, first-expiring first.")
            .Resolve(c => (c.Source.Line?.Lots ?? []).OrderBy(l => l.ExpiresOn ?? DateOnly.MaxValue).ThenBy(l => l.Lot, StringComparer.Ordinal).ToList());
    }
}

public sealed class StockLedgerEntryType : ObjectGraphType<StockLedgerEntry>
{
    public StockLedgerEntryType()
    {
        Name = "StockLedgerEntry";
        Description = "One event of a stock line: when, what, why, who, and the balance after it.";
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When it was recorded.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Position in the stock line's stream, from 1.").Resolve(c => (int)c.Source.Version);
        Field<NonNullGraphType<LedgerEntryKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("The change of on-hand: positive in, negative out, 0 for reservations and warnings.").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<IntGraphType>>("reservedChange").Description("The change of reserved.").Resolve(c => c.Source.ReservedChange);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LotChangeType>>>>("lots").Description("The lots whose quantity changed, by how much.").Resolve(c => c.Source.Lots);
        Field<NonNullGraphType<IntGraphType>>("onHandAfter").Resolve(c => c.Source.OnHandAfter);
        Field<NonNullGraphType<IntGraphType>>("reservedAfter").Resolve(c => c.Source.ReservedAfter);
        Field<NonNullGraphType<IntGraphType>>("availableAfter").Resolve(c => c.Source.AvailableAfter);
        Field<StringGraphType>("lot").Description("The lot received, counted, written off or warned of.").Resolve(c => c.Source.Lot);
        Field<StringGraphType>("reason").Description("Why: a count's or release's reason, a write-off's EXPIRED or DAMAGED, a warning's expiry.").Resolve(c => c.Source.Reason);
        Field<StringGraphType>("note").Resolve(c => c.Source.Note);
        Field<StockSourceType>("source").Description("Where received stock came from.").Resolve(c => c.Source.Source);
        Field<IdGraphType>("holderId").Description("The supply request or transfer the stock was reserved for, issued to, or received from.")
            .Resolve(c => c.Source.HolderId is { } id ? GlobalId.Encode(HolderTypeName(c.Source.Holder), id) : null);
        Field<ReservationHolderType>("holderKind").Resolve(c => c.Source.Holder);
        Field<ActorType>("actor").Description("Who did it (a scheduled job appears as job:name).").Resolve(c => c.Source.Actor);
    }

    private static string HolderTypeName(ReservationHolder? holder) => holder == ReservationHolder.Transfer ? "Transfer" : "SupplyRequest";
}

public sealed class LotChangeType : ObjectGraphType<LotQuantity>
{
    public LotChangeType()
    {
        Name = "LotChange";
        Description = "How much of one lot came in (positive) or went out (negative).";
        Field<NonNullGraphType<StringGraphType>>("lot").Resolve(c => c.Source.Lot);
        Field<DateScalar>("expiresOn").Resolve(c => c.Source.ExpiresOn);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
    }
}

public sealed class LedgerEntryKindType : EnumerationGraphType<LedgerEntryKind>
{
    public LedgerEntryKindType()
    {
        Name = "StockLedgerEntryKind";
        Description = "What a stock-line event did.";
    }
}

public sealed class ReservationHolderType : EnumerationGraphType<ReservationHolder>
{
    public ReservationHolderType()
    {
        Name = "ReservationHolder";
        Description = "What stock is reserved for: a supply request or a transfer.";
    }
}
