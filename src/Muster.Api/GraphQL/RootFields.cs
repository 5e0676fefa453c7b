using GraphQL.Types;

namespace Muster.Api.GraphQL;

public enum Root
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>
/// Fields a capability adds to a root type, registered by its <c>Add…Graph()</c>. A root type adds every
/// contribution made to it in <see cref="Position"/> order, not in registration order: the approved schema prints
/// root fields in that order, and it interleaves capabilities. A new contribution takes a free position, usually
/// after the last.
/// </summary>
public sealed record RootFields(Root Root, int Position, Action<ObjectGraphType> AddTo);

public static class RootFieldsRegistration
{
    public static IServiceCollection AddQueryFields(this IServiceCollection services, int position, Action<ObjectGraphType> addTo) =>
        services.AddSingleton(new RootFields(Root.Query, position, addTo));

    public static IServiceCollection AddMutationFields(this IServiceCollection services, int position, Action<ObjectGraphType> addTo) =>
        services.AddSingleton(new RootFields(Root.Mutation, position, addTo));

    public static IServiceCollection AddSubscriptionFields(this IServiceCollection services, int position, Action<ObjectGraphType> addTo) =>
        services.AddSingleton(new RootFields(Root.Subscription, position, addTo));

    /// <summary>Adds the contributions to <paramref name="root"/> by position; two at one position would make the order depend on registration.</summary>
    public static void AddFields(this ObjectGraphType root, Root which, IEnumerable<RootFields> contributions)
    {
        var mine = contributions.Where(c => c.Root == which).OrderBy(c => c.Position).ToList();
        if (mine.GroupBy(c => c.Position).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException($"Two contributions to {which} at position {clash.Key}: give each its own position.");
        }

        foreach (var contribution in mine)
        {
            contribution.AddTo(root);
        }
    }
}
