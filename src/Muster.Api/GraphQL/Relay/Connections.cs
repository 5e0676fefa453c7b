using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using Marten;

namespace Muster.Api.GraphQL.Relay;

/// <summary>Relay connections over any list that can grow: first/after/last/before, pageInfo, totalCount, capped pages.</summary>
public static class Connections
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"Items from the start of the window, at most {MaxPageSize}.")
            .Argument<StringGraphType>("after", "Cursor: start after this item.")
            .Argument<IntGraphType>("last", $"Items from the end of the window, at most {MaxPageSize}.")
            .Argument<StringGraphType>("before", "Cursor: end before this item.");

    /// <summary>A page of a Marten query, which must already be in a stable order.</summary>
    public static Task<Connection<T>> ResolveAsync<T>(IResolveFieldContext context, IQueryable<T> ordered)
        where T : notnull =>
        ResolveAsync(
            context,
            ct => ordered.CountAsync(ct),
            async (offset, limit, ct) => await ordered.Skip(offset).Take(limit).ToListAsync(ct));

    /// <summary>Counts, works out the requested window, then fetches only that slice.</summary>
    public static async Task<Connection<T>> ResolveAsync<T>(
        IResolveFieldContext context,
        Func<CancellationToken, Task<int>> count,
        Func<int, int, CancellationToken, Task<IReadOnlyList<T>>> slice)
    {
        var first = PageSize(context, "first");
        var last = PageSize(context, "last");
        var after = Offset(context, "after");
        var before = Offset(context, "before");

        var total = await count(context.CancellationToken);
        var start = after is { } a ? a + 1 : 0;
        var end = before is { } b ? Math.Min(b, total) : total;
        if (first is null && last is null)
        {
            first = DefaultPageSize;
        }

        if (first is { } f)
        {
            end = Math.Min(end, start + f);
        }

        if (last is { } l)
        {
            start = Math.Max(start, end - l);
        }

        var items = end > start ? await slice(start, end - start, context.CancellationToken) : [];
        var edges = items.Select((item, i) => new Edge<T> { Node = item, Cursor = Cursor(start + i) }).ToList();
        return new Connection<T>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = new PageInfo
            {
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
                HasPreviousPage = start > 0,
                HasNextPage = start + items.Count < total,
            },
        };
    }

    public static string Cursor(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int? PageSize(IResolveFieldContext context, string name)
    {
        var value = context.GetArgument<int?>(name);
        if (value is < 0 or > MaxPageSize)
        {
            throw Invalid($"{name} must be between 0 and {MaxPageSize}, got {value}");
        }

        return value;
    }

    private static int? Offset(IResolveFieldContext context, string name)
    {
        var cursor = context.GetArgument<string?>(name);
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw Invalid($"{name} is not a cursor this list gave out");
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = "VALIDATION" };
}
