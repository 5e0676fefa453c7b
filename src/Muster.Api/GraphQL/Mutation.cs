using System.Linq.Expressions;
using GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL;

/// <summary>A kind of object a mutation acts on: the type name in its global ids, and what an error calls it ("no such depot").</summary>
public sealed record Existing(string TypeName, string Noun);

/// <summary>
/// The one resolver body of every mutation: read the typed <c>input</c>, run the slice's handler, answer its result
/// as the payload. A mutation on an existing object names it by a global id in its input; an id that is ill-formed or
/// another type's is NOT_FOUND on that input field, and no handler runs.
/// </summary>
public static class Mutation
{
    public static Func<IResolveFieldContext<object?>, Task<object?>> Run<TInput, THandler, T>(
        Func<THandler, TInput, CancellationToken, Task<Result<T>>> handle)
        where THandler : notnull =>
        async context => Payload.From(await handle(HandlerOf<THandler>(context), context.GetArgument<TInput>("input"), context.CancellationToken));

    /// <summary>
    /// A mutation on the existing <paramref name="target"/> whose global id <paramref name="id"/> reads from the input;
    /// the input field is the property's name in camelCase (<c>i => i.DepotId</c> reads <c>depotId</c>).
    /// </summary>
    public static Func<IResolveFieldContext<object?>, Task<object?>> On<TInput, THandler, T>(
        Existing target, Expression<Func<TInput, string>> id, Func<THandler, Guid, TInput, CancellationToken, Task<Result<T>>> handle)
        where THandler : notnull
    {
        var field = InputField(id);
        var read = id.Compile();
        return async context =>
        {
            var input = context.GetArgument<TInput>("input");
            return GlobalId.Of(target.TypeName, read(input)) is { } found
                ? Payload.From(await handle(HandlerOf<THandler>(context), found, input, context.CancellationToken))
                : Payload.NotFound(target.Noun, field);
        };
    }

    private static string InputField<TInput>(Expression<Func<TInput, string>> id) =>
        id.Body is MemberExpression { Member.Name: var name }
            ? char.ToLowerInvariant(name[0]) + name[1..]
            : throw new ArgumentException("name the input's id property, as in i => i.DepotId", nameof(id));

    private static THandler HandlerOf<THandler>(IResolveFieldContext context)
        where THandler : notnull => context.RequestServices!.GetRequiredService<THandler>();
}
