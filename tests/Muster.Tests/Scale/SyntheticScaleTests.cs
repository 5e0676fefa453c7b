using Muster.Catalog;
using Muster.Catalog.Defining;
using Muster.Scale;

namespace Muster.Tests.Scale;

public sealed class SyntheticScaleTests
{
    [Fact]
    public void Given_the_synthetic_catalog_when_listing_200_items_then_every_code_is_valid_and_distinct_and_every_item_definable()
    {
        var items = SyntheticCatalog.Items(200);

        Assert.Equal(200, items.Select(i => i.Code).Distinct().Count());
        Assert.All(items, item =>
        {
            Assert.Null(ItemCode.Check(item.Code));
            Assert.True(DefineItemDecision.Decide(item, alreadyDefined: false).Succeeded, item.Code);
        });
    }

    [Fact]
    public void Given_one_spec_when_naming_entities_twice_then_ids_and_stocked_items_are_the_same()
    {
        var city = ScaleSpec.City() with { ItemsPerDepot = 40 };

        Assert.Equal(ScaleGenerator.UnitId(city, 7), ScaleGenerator.UnitId(ScaleSpec.City() with { ItemsPerDepot = 40 }, 7));
        Assert.NotEqual(ScaleGenerator.UnitId(city, 7), ScaleGenerator.UnitId(city, 8));
        Assert.NotEqual(ScaleGenerator.UnitId(city, 7), ScaleGenerator.UnitId(city with { Seed = 7 }, 7));
        Assert.Equal(ScaleGenerator.DepotItems(city, 3), ScaleGenerator.DepotItems(city, 3));
        Assert.Equal(40, ScaleGenerator.DepotItems(city, 3).Distinct().Count());
        Assert.Equal(200, ScaleGenerator.DepotItems(ScaleSpec.City(), 3).Count);
    }

    [Fact]
    public void Given_the_province_when_scaled_down_then_counts_shrink_and_the_area_stays()
    {
        var province = ScaleSpec.Province();
        var small = province.ScaledDown(20);

        Assert.Equal((100_000, 10_000, 2_000, 2_000_000L), (province.Units, province.Depots, province.Experts, province.StockLines));
        Assert.Equal((5_000, 500, 100), (small.Units, small.Depots, small.Experts));
        Assert.Equal(province.Center, small.Center);
        Assert.Equal(province.RadiusKm, small.RadiusKm);
    }
}
