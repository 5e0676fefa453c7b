using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Spatial;

namespace Muster.Tests.Jurisdictions;

/// <summary>A sketch of Huozhou with a township or two, and the actors who act on them.</summary>
public static class Given
{
    public static readonly Guid TownshipAgency = Guid.NewGuid();

    public static readonly Actor Admin = new("a", Role.Admin, null);
    public static readonly Actor Commander = new("c", Role.Commander, null);
    public static readonly Actor Logistics = new("l", Role.Logistics, null);
    public static readonly Actor Township = new("t", Role.Partner, TownshipAgency);

    public const string CountyBoundary = """{"type":"Polygon","coordinates":[[[111.6938, 36.7093], [111.6361, 36.6955], [111.5899, 36.6689], [111.5611, 36.6343], [111.5495, 36.5939], [111.5553, 36.5535], [111.5784, 36.513], [111.613, 36.4784], [111.6476, 36.4496], [111.6823, 36.4265], [111.7169, 36.4184], [111.7515, 36.4322], [111.7977, 36.4553], [111.8497, 36.4842], [111.8901, 36.5073], [111.9189, 36.5361], [111.9339, 36.5708], [111.9247, 36.6054], [111.8924, 36.6377], [111.8497, 36.6631], [111.7977, 36.6839], [111.7458, 36.7001], [111.6938, 36.7093]]]}""";

    /// <summary>A square of about 2 km around a point, as GeoJSON.</summary>
    public static string Square(double lat, double lon, double half = 0.01) =>
        FormattableString.Invariant(
            $$"""{"type":"Polygon","coordinates":[[[{{lon - half}},{{lat - half}}],[{{lon + half}},{{lat - half}}],[{{lon + half}},{{lat + half}}],[{{lon - half}},{{lat + half}}],[{{lon - half}},{{lat - half}}]]]}""");

    public static Jurisdiction County { get; } = JurisdictionEvolution.Create(
        new JurisdictionRegistered(Guid.NewGuid(), "霍州市", JurisdictionLevel.County, null, null, CountyBoundary, null), DateTimeOffset.UnixEpoch);

    public static Jurisdiction BailongSeat { get; } = JurisdictionEvolution.Create(
        new JurisdictionRegistered(Guid.NewGuid(), "白龙镇", JurisdictionLevel.Township, County.Id, TownshipAgency, null, new GeoPoint(36.529, 111.706)),
        DateTimeOffset.UnixEpoch);

    public static Jurisdiction XinzhiDrawn { get; } = JurisdictionEvolution.Create(
        new JurisdictionRegistered(Guid.NewGuid(), "辛置镇", JurisdictionLevel.Township, County.Id, null, Square(36.493, 111.72), null),
        DateTimeOffset.UnixEpoch);

    public static (string Code, string? Field) ErrorOf<T>(Result<T> result) => (result.Errors[0].Code, result.Errors[0].Field);
}
