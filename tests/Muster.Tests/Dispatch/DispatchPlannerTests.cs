using Muster.Dispatch;
using Muster.Dispatch.Proposing;
using Muster.Plans;

namespace Muster.Tests.Dispatch;

/// <summary>The planner's invariants, on random scenarios from several seeds (property style).</summary>
public sealed class DispatchPlannerTests
{
    private static readonly string[] Capabilities = ["mine-rescue", "fire", "medical", "hazmat", "water-rescue"];
    private static readonly string[] Items = ["1010101", "1020101", "2010101"];
    private static readonly string[] Specialties = ["geology", "mine-ventilation"];

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_requirement_is_covered_or_reported_short_and_no_unit_or_expert_goes_twice(int seed)
    {
        var (requirements, candidates) = Scenario(new Random(seed));

        var planned = DispatchPlanner.Plan(requirements, candidates);

        Assert.Equal(planned.Units.Count, planned.Units.Select(u => u.UnitId).Distinct().Count());
        Assert.Equal(planned.Experts.Count, planned.Experts.Select(e => e.ExpertId).Distinct().Count());
        foreach (var need in requirements.Units)
        {
            var sent = planned.Units.Count(u => u.Capability == need.Capability);
            var short_ = planned.Shortfalls.Where(s => s.Kind == ShortfallKind.Unit && s.What == need.Capability).Sum(s => s.Quantity);
            Assert.Equal(need.Count, sent + short_);
        }

        foreach (var need in requirements.Experts)
        {
            var sent = planned.Experts.Count(e => e.Specialty == need.Specialty);
            var short_ = planned.Shortfalls.Where(s => s.Kind == ShortfallKind.Expert && s.What == need.Specialty).Sum(s => s.Quantity);
            Assert.Equal(need.Count, sent + short_);
        }

        foreach (var need in requirements.Supplies)
        {
            var sent = planned.Supplies.Where(s => s.ItemCode == need.ItemCode).Sum(s => s.Quantity);
            var short_ = planned.Shortfalls.Where(s => s.Kind == ShortfallKind.Supply && s.What == need.ItemCode).Sum(s => s.Quantity);
            Assert.Equal(need.Quantity, sent + short_);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Only_available_candidates_are_proposed_and_for_each_need_in_the_order_they_arrive(int seed)
    {
        var (requirements, candidates) = Scenario(new Random(seed));

        var planned = DispatchPlanner.Plan(requirements, candidates);

        foreach (var group in planned.Units.GroupBy(u => u.Capability))
        {
            var order = candidates.UnitsByCapability[group.Key].Select(c => c.Id).ToList();
            var positions = group.Select(u => order.IndexOf(u.UnitId)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
            Assert.True(group.Zip(group.Skip(1)).All(p => p.First.PositionStale == p.Second.PositionStale
                ? p.First.EtaSeconds <= p.Second.EtaSeconds
                : !p.First.PositionStale), "fresh before stale, then by ETA");
        }

        foreach (var expert in planned.Experts)
        {
            Assert.Contains(candidates.ExpertsBySpecialty[expert.Specialty], c => c.Id == expert.ExpertId);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_depot_gives_more_than_it_has_and_nearer_depots_are_emptied_first(int seed)
    {
        var (requirements, candidates) = Scenario(new Random(seed));

        var planned = DispatchPlanner.Plan(requirements, candidates);

        foreach (var need in requirements.Supplies)
        {
            var stock = candidates.StockByItem[need.ItemCode].ToList();
            var used = planned.Supplies.Where(s => s.ItemCode == need.ItemCode).ToList();
            Assert.All(used, s => Assert.InRange(s.Quantity, 1, stock.Single(c => c.DepotId == s.DepotId).Available));
            var positions = used.Select(s => stock.FindIndex(c => c.DepotId == s.DepotId)).ToList();
            Assert.Equal(positions.Order(), positions);
            // Every depot before the last one used gave all it had.
            var skippedOrPartial = stock.Take(positions.DefaultIfEmpty(-1).Max()).Where(c => used.SingleOrDefault(s => s.DepotId == c.DepotId)?.Quantity != c.Available);
            Assert.Empty(skippedOrPartial);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Depot_alternatives_are_the_next_depots_with_stock_that_were_not_drawn_on(int seed)
    {
        var (requirements, candidates) = Scenario(new Random(seed));

        var planned = DispatchPlanner.Plan(requirements, candidates);

        foreach (var supply in planned.Supplies)
        {
            var drawn = planned.Supplies.Where(s => s.ItemCode == supply.ItemCode).Select(s => s.DepotId).ToHashSet();
            var expected = candidates.StockByItem[supply.ItemCode].Where(c => !drawn.Contains(c.DepotId)).Take(DispatchPlanner.MaxAlternatives).Select(c => c.DepotId);
            Assert.Equal(expected, supply.Alternatives.Select(a => a.DepotId));
        }
    }

    [Fact]
    public void A_unit_that_alone_has_a_rare_capability_is_kept_for_it()
    {
        var both = new Candidate(Guid.NewGuid(), 1000, 120);
        var fireOnly = new Candidate(Guid.NewGuid(), 5000, 400);
        var candidates = Candidates(units: new() { ["fire"] = [both, fireOnly], ["hazmat"] = [both] });

        var planned = DispatchPlanner.Plan(new Requirements([new("fire", 1), new("hazmat", 1)], [], []), candidates);

        Assert.Equal(both.Id, planned.Units.Single(u => u.Capability == "hazmat").UnitId);
        Assert.Equal(fireOnly.Id, planned.Units.Single(u => u.Capability == "fire").UnitId);
        Assert.Empty(planned.Shortfalls);
    }

    [Fact]
    public void A_shortfall_says_whether_nobody_has_the_capability_or_everybody_is_busy()
    {
        var candidates = Candidates(units: new() { ["boat"] = [] }, carrying: new() { ["boat"] = 3 });

        var planned = DispatchPlanner.Plan(new Requirements([new("boat", 1), new("drone", 2)], [], []), candidates);

        Assert.Equal("all 3 with boat are busy or out of service", planned.Shortfalls.Single(s => s.What == "boat").Reason);
        Assert.Equal(("no unit has drone", 2), (planned.Shortfalls.Single(s => s.What == "drone").Reason, planned.Shortfalls.Single(s => s.What == "drone").Quantity));
    }

    private static (Requirements, DispatchCandidates) Scenario(Random random)
    {
        var units = Enumerable.Range(0, random.Next(0, 25)).Select(_ => (
            Candidate: new Candidate(Guid.NewGuid(), random.Next(100, 40_000), random.Next(60, 4000), random.Next(5) == 0),
            Tags: Capabilities.Where(_ => random.Next(3) == 0).ToList())).ToList();
        var unitsByCapability = Capabilities.ToDictionary(c => c, c => (IReadOnlyList<Candidate>)units.Where(u => u.Tags.Contains(c)).Select(u => u.Candidate)
            .OrderBy(u => u.PositionStale).ThenBy(u => u.EtaSeconds).ThenBy(u => u.DistanceMeters).ToList());
        var experts = Enumerable.Range(0, random.Next(0, 6)).Select(_ => (
            Candidate: new Candidate(Guid.NewGuid(), random.Next(100, 40_000), random.Next(600, 5000)),
            Tags: Specialties.Where(_ => random.Next(2) == 0).ToList())).ToList();
        var expertsBySpecialty = Specialties.ToDictionary(s => s, s => (IReadOnlyList<Candidate>)experts.Where(e => e.Tags.Contains(s)).Select(e => e.Candidate)
            .OrderBy(e => e.EtaSeconds).ToList());
        var stockByItem = Items.ToDictionary(i => i, i => (IReadOnlyList<SupplyCandidate>)Enumerable.Range(0, random.Next(0, 6))
            .Select(_ => new SupplyCandidate(Guid.NewGuid(), i, random.Next(1, 60), random.Next(100, 30_000), 0))
            .OrderBy(s => s.DistanceMeters).ToList());
        var requirements = new Requirements(
            Capabilities.Where(_ => random.Next(2) == 0).Select(c => new UnitNeed(c, random.Next(1, 6))).ToList(),
            Items.Where(_ => random.Next(2) == 0).Select(i => new SupplyNeed(i, random.Next(1, 150))).ToList(),
            Specialties.Where(_ => random.Next(2) == 0).Select(s => new ExpertNeed(s, random.Next(1, 3))).ToList());
        var carrying = Capabilities.ToDictionary(c => c, c => units.Count(u => u.Tags.Contains(c)) + random.Next(0, 3));
        var expertsWith = Specialties.ToDictionary(s => s, s => experts.Count(e => e.Tags.Contains(s)));
        return (requirements, new DispatchCandidates(unitsByCapability, carrying, stockByItem, expertsBySpecialty, expertsWith));
    }

    private static DispatchCandidates Candidates(Dictionary<string, IReadOnlyList<Candidate>> units, Dictionary<string, int>? carrying = null) =>
        new(units, carrying ?? units.ToDictionary(u => u.Key, u => u.Value.Count), new Dictionary<string, IReadOnlyList<SupplyCandidate>>(),
            new Dictionary<string, IReadOnlyList<Candidate>>(), new Dictionary<string, int>());
}
