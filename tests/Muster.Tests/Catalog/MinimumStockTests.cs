using Muster.Catalog;
using Muster.Catalog.CheckingLowStock;
using Muster.Catalog.Defining;
using Muster.Catalog.SettingMinimumStock;
using Muster.Infrastructure;

namespace Muster.Tests.Catalog;

public sealed class MinimumStockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly Item Tent = ItemEvolution.Create(new ItemDefined(ItemCode.StreamId("1010101"), "1010101", "单帐篷", null, "顶", 1, null, null), Now);

    [Fact]
    public void Given_an_item_when_setting_a_minimum_then_the_item_keeps_it()
    {
        var set = SetMinimumStockDecision.Decide(Tent, new SetMinimumStock("1010101", 200)).Value!;

        Assert.Equal(new ItemMinimumStockSet(Tent.Id, "1010101", 200), set);
        Assert.Equal(200, ItemEvolution.Evolve(Tent, set, Now).MinimumStock);
    }

    [Fact]
    public void Given_the_same_minimum_when_setting_it_again_then_nothing_is_recorded()
    {
        var withMinimum = Tent with { MinimumStock = 200 };

        var result = SetMinimumStockDecision.Decide(withMinimum, new SetMinimumStock("1010101", 200));

        Assert.True(result.Succeeded);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000_001)]
    public void Given_a_minimum_out_of_bounds_when_setting_it_then_it_is_a_validation_error(int minimum) =>
        Assert.Equal((ErrorCodes.Validation, "minimum"), Pair(SetMinimumStockDecision.Decide(Tent, new SetMinimumStock("1010101", minimum))));

    [Fact]
    public void Given_no_such_item_when_setting_a_minimum_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "itemCode"), Pair(SetMinimumStockDecision.Decide(null, new SetMinimumStock("1019999", 5))));

    [Fact]
    public void Given_an_item_below_its_minimum_when_checking_then_it_is_alerted_once()
    {
        var item = Tent with { MinimumStock = 200 };

        var alerted = Assert.IsType<LowStockAlerted>(LowStockDecision.Decide(item, 150));
        var low = ItemEvolution.Evolve(item, alerted, Now);

        Assert.Equal(new LowStockAlert(Now, 150, 200), low.LowStock);
        Assert.Null(LowStockDecision.Decide(low, 120));
    }

    [Fact]
    public void Given_a_low_item_back_at_its_minimum_when_checking_then_the_alert_is_cleared_once()
    {
        var low = Tent with { MinimumStock = 200, LowStock = new LowStockAlert(Now, 150, 200) };

        var cleared = Assert.IsType<LowStockCleared>(LowStockDecision.Decide(low, 200));
        var recovered = ItemEvolution.Evolve(low, cleared, Now);

        Assert.Null(recovered.LowStock);
        Assert.Null(LowStockDecision.Decide(recovered, 260));
    }

    [Fact]
    public void Given_an_item_without_a_minimum_when_checking_then_it_is_never_low() =>
        Assert.Null(LowStockDecision.Decide(Tent, 0));

    [Fact]
    public void Given_a_low_item_when_its_minimum_is_removed_then_it_is_no_longer_low()
    {
        var low = Tent with { MinimumStock = 200, LowStock = new LowStockAlert(Now, 150, 200) };

        var removed = ItemEvolution.Evolve(low, SetMinimumStockDecision.Decide(low, new SetMinimumStock("1010101", 0)).Value!, Now);

        Assert.Equal((null, null), (removed.MinimumStock, removed.LowStock));
    }

    private static (string Code, string? Field) Pair<T>(Result<T> result)
    {
        var error = Assert.Single(result.Errors);
        return (error.Code, error.Field);
    }
}
