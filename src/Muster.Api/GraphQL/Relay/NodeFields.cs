using GraphQL;
using GraphQL.Types;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Authorization;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Relay;

/// <summary><c>node(id)</c> and <c>nodes(ids)</c>: any object by global id, through the same visibility rules as lists.</summary>
public static class NodeFields
{
    public const int MaxIds = 100;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("The object with this global id, or null when it does not exist or is not visible to you.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                var found = await LoadAsync(context, [context.GetArgument<string>("id")]);
                return found[0];
            });

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"The objects with these global ids, in the same order; null where missing or not visible. At most {MaxIds} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw new ExecutionError($"nodes takes at most {MaxIds} ids, got {ids.Count}") { Code = "VALIDATION" };
                }

                return await LoadAsync(context, ids);
            });
    }

    private static async Task<object?[]> LoadAsync(IResolveFieldContext context, IReadOnlyList<string> globalIds)
    {
        var results = new object?[globalIds.Count];
        var viewer = HttpActorAccessor.ActorOf(context.User);
        if (viewer is null)
        {
            return results;
        }

        var services = context.RequestServices!;
        var sources = services.GetServices<INodeSource>().ToDictionary(s => s.TypeName);
        var decoded = globalIds
            .Select((globalId, index) => (ok: GlobalId.TryDecode(globalId, out var type, out var id), type, id, index))
            .Where(x => x.ok && sources.ContainsKey(x.type) && MayRead(context.Schema, x.type, viewer))
            .ToList();

        foreach (var group in decoded.GroupBy(x => x.type))
        {
            var found = await sources[group.Key].LoadAsync(
                group.Select(x => x.id).Distinct().ToList(), viewer, services, context.CancellationToken);
            foreach (var (_, _, id, index) in group)
            {
                results[index] = found.GetValueOrDefault(id);
            }
        }

        return results;
    }

    /// <summary>A node whose type requires roles the viewer lacks is treated as not visible.</summary>
    private static bool MayRead(ISchema schema, string typeName, Actor viewer) =>
        schema.AllTypes[typeName] is IMetadataReader type && RoleCheck.Allows(type, viewer);
}
