namespace Muster.Requests.Allocating;

/// <summary>
/// A stock line that might serve a request: its depot (whose, shared or not), what it has available and how far the
/// depot is from the delivery point.
/// </summary>
public sealed record StockCandidate(
    Guid StockLineId, Guid DepotId, string ItemCode, int Available, double DistanceMeters, Guid DepotAgencyId, bool Shared);

/// <summary>
/// Which depots a request may draw on: the open shared pool, and the requesting agency's own depots. A request
/// without an agency (bureau staff asking for the city) draws on the shared pool only. Closed depots are never
/// candidates (the SQL read leaves them out).
/// </summary>
public static class DrawableDepots
{
    public static bool MayDrawOn(Guid? requestingAgency, StockCandidate candidate) =>
        candidate.Shared || (requestingAgency is { } agency && candidate.DepotAgencyId == agency);

    /// <summary>The same rule in SQL over <c>d</c> (depot_locations), with the requesting agency as <c>@agency</c>.</summary>
    public const string Sql = "not d.closed and (d.shared or d.agency_id = @agency)";

    /// <summary>The same rule in SQL over <c>d</c>, with the requesting agency in the column or parameter <paramref name="agency"/>.</summary>
    public static string SqlFor(string agency) => Sql.Replace("@agency", agency, StringComparison.Ordinal);
}
