using Muster.Spatial;

namespace Muster.Scale;

/// <summary>
/// What the synthetic generator makes: how many units, depots (each stocking the first <see cref="ItemsPerDepot"/>
/// of a depot's shuffled share of the catalog), catalog items and expert teams, scattered around <see cref="Center"/>
/// within <see cref="RadiusKm"/>, drawn from <see cref="Seed"/> so the same spec makes the same data.
/// </summary>
public sealed record ScaleSpec(
    string Name,
    GeoPoint Center,
    double RadiusKm,
    int Units,
    int Depots,
    int Items,
    int ItemsPerDepot,
    int Experts,
    int Agencies,
    int Seed)
{
    /// <summary>Huozhou, Shanxi: the reference city's centre.</summary>
    public static readonly GeoPoint Huozhou = new(36.5686, 111.7236);

    /// <summary>A city: 2,000 units, 500 depots stocking every one of 200 items, 200 expert teams, within 25 km.</summary>
    public static ScaleSpec City(GeoPoint? center = null, int seed = 6) =>
        new("city", center ?? Huozhou, 25, 2_000, 500, 200, 200, 200, 40, seed);

    /// <summary>A province: 100,000 units, 10,000 depots × 200 items, 2,000 expert teams, within 250 km.</summary>
    public static ScaleSpec Province(GeoPoint? center = null, int seed = 6) =>
        new("province", center ?? Huozhou, 250, 100_000, 10_000, 200, 200, 2_000, 400, seed);

    /// <summary>The same area with every count divided by <paramref name="factor"/> (at least one of each).</summary>
    public ScaleSpec ScaledDown(int factor) => this with
    {
        Name = $"{Name}/{factor}",
        Units = Math.Max(1, Units / factor),
        Depots = Math.Max(1, Depots / factor),
        Experts = Math.Max(1, Experts / factor),
        Agencies = Math.Max(1, Agencies / factor),
    };

    public long StockLines => (long)Depots * Math.Min(ItemsPerDepot, Items);
}
