using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Relay;

/// <summary>Loads objects of one node type by id, in one query, applying the viewer's visibility rules.</summary>
public interface INodeSource
{
    string TypeName { get; }

    /// <summary>The visible objects among <paramref name="ids"/>; missing or hidden ids are simply absent.</summary>
    Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids,
        Actor viewer,
        IServiceProvider services,
        CancellationToken ct);
}
