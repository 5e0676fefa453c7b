namespace Muster.Spatial;

/// <summary>
/// SQL fragments for commands queued on a Marten session (<c>QueueSqlCommand</c>), whose <c>?</c> placeholders are
/// typed as text unless Marten knows the value's type: a geometry cannot be bound there, so a point goes as two doubles.
/// </summary>
public static class QueuedSql
{
    /// <summary>A geography(Point, 4326) from two placeholders: longitude, then latitude.</summary>
    public const string Point = "ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography";
}
