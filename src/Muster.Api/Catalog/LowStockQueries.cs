using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Catalog;
using Muster.Infrastructure;

namespace Muster.Api.Catalog;

public static class LowStockQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<ItemType, EdgeType<ItemType>>>>("lowStockItems")
            .Description("Items the low-stock check last found below their minimum, by code. Admin, commander and logistics.")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .Paged()
            .ResolveAsync(async context => await Connections.ResolveAsync(context,
                context.RequestServices!.GetRequiredService<IQuerySession>().Query<Item>()
                    .Where(i => i.MinimumStock != null && i.LowStock != null)
                    .OrderBy(i => i.Code)));
}
