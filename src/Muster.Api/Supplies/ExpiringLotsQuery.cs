using GraphQL;
using GraphQL.Types;
using Muster.Api.Catalog;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Supplies.Expiring;

namespace Muster.Api.Supplies;

/// <summary>What to use or rotate first: lots on the shelf that expire soon, or have expired.</summary>
public static class ExpiringLotsQuery
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpiringLotType>>>>("expiringLots")
            .Description($"Lots on the shelf that expire within withinDays (0 to {ExpiringLots.MaxDays}; expired lots included), earliest first, in the depots you may see. At most {ExpiringLots.MaxRows}.")
            .Argument<IntGraphType>("withinDays", a => a.DefaultValue = 30)
            .Argument<IdGraphType>("depotId", "Only this depot.")
            .Argument<StringGraphType>("itemCode", "Only this item.")
            .ResolveAsync(async context =>
            {
                var days = context.GetArgument<int>("withinDays");
                if (days is < 0 or > ExpiringLots.MaxDays)
                {
                    throw new ExecutionError($"withinDays must be between 0 and {ExpiringLots.MaxDays}, got {days}") { Code = "VALIDATION" };
                }

                var services = context.RequestServices!;
                var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                return await services.GetRequiredService<ExpiringLots>().FindAsync(today, days, StockArguments.DepotId(context),
                    StockArguments.ItemCode(context), Visibility.Viewer(context), context.CancellationToken);
            });
}

public sealed class ExpiringLotType : ObjectGraphType<ExpiringLot>
{
    public ExpiringLotType()
    {
        Name = "ExpiringLot";
        Description = "A lot on a depot's shelf that expires soon.";
        Field<NonNullGraphType<DepotType>>("depot").Resolve(c => DepotNodeSource.Loader(c.RequestServices!).Load(c.Source.DepotId));
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<ItemType>>("item").Resolve(c => ItemNodeSource.ByCode(c.RequestServices!).Load(c.Source.ItemCode));
        Field<NonNullGraphType<StringGraphType>>("lot").Resolve(c => c.Source.Lot);
        Field<NonNullGraphType<DateScalar>>("expiresOn").Resolve(c => c.Source.ExpiresOn);
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("On the shelf, reserved or not.").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<IntGraphType>>("daysLeft").Description("Days from today (UTC) to the expiry day; 0 or less once expired.").Resolve(c => c.Source.DaysLeft);
    }
}
