using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Jurisdictions;

namespace Muster.Api.Jurisdictions;

/// <summary>
/// The caller's view of the supervision network for one request: what its agency maintains is looked up once
/// (<see cref="JurisdictionVisibility"/>), however many jurisdictions the answer shows.
/// </summary>
public sealed class JurisdictionViewer(IJurisdictionDirectory directory)
{
    private readonly Dictionary<Actor, Task<IReadOnlySet<Guid>>> _maintained = [];

    public Task<IReadOnlySet<Guid>> MaintainedAsync(Actor viewer, CancellationToken ct)
    {
        if (!_maintained.TryGetValue(viewer, out var maintained))
        {
            maintained = directory.MaintainedAsync(viewer, ct);
            _maintained[viewer] = maintained;
        }

        return maintained;
    }

    public async Task<bool> MaySeeAsync(Actor viewer, Guid jurisdictionId, CancellationToken ct) =>
        viewer.Role != Role.Partner || JurisdictionVisibility.MaySee(viewer, jurisdictionId, await MaintainedAsync(viewer, ct));

    public static JurisdictionViewer Of(global::GraphQL.IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<JurisdictionViewer>();

    /// <summary>The jurisdiction (batched: a deferred load) if the caller may see it, else null.</summary>
    public static async Task<object?> VisibleAsync(global::GraphQL.IResolveFieldContext context, Guid? id)
    {
        if (id is not { } found)
        {
            return null;
        }

        var viewer = Visibility.Viewer(context);
        if (!await Of(context).MaySeeAsync(viewer, found, context.CancellationToken))
        {
            return null;
        }

        return JurisdictionNodeSource.Loader(context.RequestServices!).Load(found);
    }
}
