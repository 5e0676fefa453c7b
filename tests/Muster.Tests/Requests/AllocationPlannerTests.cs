using Muster.Requests;
using Muster.Requests.Allocating;
using static Muster.Tests.Requests.Given;

namespace Muster.Tests.Requests;

public sealed class AllocationPlannerTests
{
    private static readonly Guid Near = Guid.NewGuid(), Far = Guid.NewGuid(), Farther = Guid.NewGuid();

    [Fact]
    public void Given_stock_in_several_depots_when_planning_then_the_nearest_is_emptied_first()
    {
        var candidates = new[] { Candidate(Line(Far, Tent, 10), 5_000), Candidate(Line(Near, Tent, 3), 800) };

        var plan = AllocationPlanner.Plan([new ItemQuantity(Tent, 8)], RedCross, candidates);

        Assert.Equal([(Near, 3), (Far, 5)], plan.Allocations.Select(a => (a.DepotId, a.Quantity)));
        Assert.Empty(plan.Shortfalls);
    }

    [Fact]
    public void Given_too_little_stock_when_planning_then_the_rest_is_a_shortfall_and_nothing_is_invented()
    {
        var candidates = new[] { Candidate(Line(Near, Tent, 3), 800), Candidate(Line(Far, Water, 50), 900) };

        var plan = AllocationPlanner.Plan([new ItemQuantity(Tent, 8), new ItemQuantity(Water, 20)], RedCross, candidates);

        Assert.Equal([(Tent, 3), (Water, 20)], plan.Allocations.Select(a => (a.ItemCode, a.Quantity)));
        Assert.Equal([new ItemQuantity(Tent, 5)], plan.Shortfalls);
    }

    [Fact]
    public void Given_private_depots_when_planning_then_only_the_shared_pool_and_the_requesters_own_are_drawn_on()
    {
        var candidates = new[]
        {
            Candidate(Line(Near, Tent, 10), 100, MineRescue, shared: false),
            Candidate(Line(Far, Tent, 2), 2_000, RedCross, shared: false),
            Candidate(Line(Farther, Tent, 2), 3_000, MineRescue, shared: true),
        };

        var forRedCross = AllocationPlanner.Plan([new ItemQuantity(Tent, 10)], RedCross, candidates);
        var forTheCity = AllocationPlanner.Plan([new ItemQuantity(Tent, 10)], null, candidates);

        Assert.Equal([(Far, 2), (Farther, 2)], forRedCross.Allocations.Select(a => (a.DepotId, a.Quantity)));
        Assert.Equal([(Farther, 2)], forTheCity.Allocations.Select(a => (a.DepotId, a.Quantity)));
        Assert.Equal([new ItemQuantity(Tent, 8)], forTheCity.Shortfalls);
    }

    [Fact]
    public void Given_a_line_with_nothing_available_when_planning_then_it_is_passed_over()
    {
        var plan = AllocationPlanner.Plan([new ItemQuantity(Tent, 2)], RedCross,
            [Candidate(Line(Near, Tent, 5, reserved: 5), 10), Candidate(Line(Far, Tent, 5), 20)]);

        Assert.Equal([(Far, 2)], plan.Allocations.Select(a => (a.DepotId, a.Quantity)));
    }
}
