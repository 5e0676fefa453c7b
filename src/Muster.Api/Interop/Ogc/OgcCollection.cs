using System.Text.Json.Nodes;
using Marten;
using Muster.Infrastructure;

namespace Muster.Api.Interop.Ogc;

/// <summary>One page of features and how many matched in all.</summary>
public sealed record OgcPage(IReadOnlyList<JsonObject> Features, int Matched);

/// <summary>A read-only feature collection: what the caller may see of one kind of object, as GeoJSON points.</summary>
public abstract class OgcCollection
{
    public abstract string Id { get; }
    public abstract string Title { get; }
    public abstract string Description { get; }

    /// <summary>The property that <c>datetime</c> filters on, if the collection has one.</summary>
    public virtual string? Temporal => null;

    public abstract Task<OgcPage> ItemsAsync(IQuerySession session, Actor viewer, OgcItemsQuery query, CancellationToken ct);

    /// <summary>One feature by its id, or null when there is none the caller may see.</summary>
    public abstract Task<JsonObject?> ItemAsync(IQuerySession session, Actor viewer, string featureId, CancellationToken ct);

    protected static async Task<OgcPage> PageAsync<T>(IQueryable<T> ordered, OgcItemsQuery query, Func<T, JsonObject> feature, CancellationToken ct)
        where T : notnull
    {
        var matched = await ordered.CountAsync(ct);
        var rows = await ordered.Skip(query.Offset).Take(query.Limit).ToListAsync(ct);
        return new OgcPage([.. rows.Select(feature)], matched);
    }
}
