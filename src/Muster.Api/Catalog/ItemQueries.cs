using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Catalog;
using Muster.Infrastructure;

namespace Muster.Api.Catalog;

/// <summary>The supplies catalog: one item by code, or the list by code with filters. Open to every role.</summary>
public static class ItemQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ItemType>("item")
            .Description("The item with this code, or null when none is defined.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async context =>
            {
                var code = context.GetArgument<string>("code");
                if (ItemCode.Check(code) is { } invalid)
                {
                    throw Invalid(invalid);
                }

                return await context.RequestServices!.GetRequiredService<IQuerySession>()
                    .LoadAsync<Item>(ItemCode.StreamId(code), context.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionType<ItemType, EdgeType<ItemType>>>>("items")
            .Description("The catalog by code, filtered: a code prefix (1–7 digits), a top class, and text found in name or nameEn (any case).")
            .Argument<StringGraphType>("codePrefix").Argument<StringGraphType>("search").Argument<TopClassType>("topClass")
            .Paged()
            .ResolveAsync(async context => await Connections.ResolveAsync(context, Filtered(context).OrderBy(i => i.Code)));
    }

    private static IQueryable<Item> Filtered(IResolveFieldContext context)
    {
        IQueryable<Item> items = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Item>();
        if (context.GetArgument<string?>("codePrefix") is { } prefix)
        {
            if (ItemCode.CheckPrefix(prefix) is { } invalid)
            {
                throw Invalid(invalid);
            }

            items = items.Where(i => i.Code.StartsWith(prefix));
        }

        if (context.GetArgument<TopClass?>("topClass") is { } topClass)
        {
            items = items.Where(i => i.TopClass == topClass);
        }

        if (context.GetArgument<string?>("search")?.Trim() is { Length: > 0 } search)
        {
            items = items.Where(i => i.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (i.NameEn != null && i.NameEn.Contains(search, StringComparison.OrdinalIgnoreCase)));
        }

        return items;
    }

    private static ExecutionError Invalid(DomainError error) => new(error.Message) { Code = ErrorCodes.Validation };
}
