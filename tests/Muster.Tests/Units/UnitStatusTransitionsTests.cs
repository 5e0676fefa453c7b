using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.ChangingStatus;

namespace Muster.Tests.Units;

/// <summary>The transition table, row by row: every (from, to) pair is either allowed or INVALID_STATE.</summary>
public sealed class UnitStatusTransitionsTests
{
    private static readonly Dictionary<UnitStatus, UnitStatus[]> Expected = new()
    {
        [UnitStatus.Available] = [UnitStatus.Assigned, UnitStatus.EnRoute, UnitStatus.OutOfService],
        [UnitStatus.Assigned] = [UnitStatus.EnRoute, UnitStatus.Available, UnitStatus.OutOfService],
        [UnitStatus.EnRoute] = [UnitStatus.OnScene, UnitStatus.Returning, UnitStatus.Available, UnitStatus.OutOfService],
        [UnitStatus.OnScene] = [UnitStatus.Returning, UnitStatus.OutOfService],
        [UnitStatus.Returning] = [UnitStatus.Available, UnitStatus.Assigned, UnitStatus.OutOfService],
        [UnitStatus.OutOfService] = [UnitStatus.Available],
    };

    public static TheoryData<UnitStatus, UnitStatus> AllPairs()
    {
        var data = new TheoryData<UnitStatus, UnitStatus>();
        foreach (var from in Enum.GetValues<UnitStatus>())
        {
            foreach (var to in Enum.GetValues<UnitStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Given_a_unit_in_one_status_when_changing_to_another_then_the_table_decides(UnitStatus from, UnitStatus to)
    {
        var unit = Unit(from);

        var result = ChangeUnitStatusDecision.Decide(unit, new ChangeUnitStatus(unit.Id, to, null), new Actor("c", Role.Commander, null));

        if (Expected[from].Contains(to))
        {
            Assert.Equal(new UnitStatusChanged(unit.Id, from, to, null), result.Value);
        }
        else
        {
            Assert.Equal(ErrorCodes.InvalidState, result.Errors.Single().Code);
        }
    }

    [Fact]
    public void Given_another_agencys_unit_when_a_partner_changes_it_then_it_is_forbidden()
    {
        var unit = Unit(UnitStatus.Available);

        var result = ChangeUnitStatusDecision.Decide(unit, new ChangeUnitStatus(unit.Id, UnitStatus.OutOfService, null), new Actor("p", Role.Partner, Guid.NewGuid()));

        Assert.Equal(ErrorCodes.Forbidden, result.Errors.Single().Code);
    }

    [Fact]
    public void Given_no_unit_when_changing_status_then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, ChangeUnitStatusDecision.Decide(null, new ChangeUnitStatus(Guid.NewGuid(), UnitStatus.Available, null), Actor.System).Errors.Single().Code);

    [Fact]
    public void Given_a_newer_position_when_an_older_report_arrives_then_the_unit_stays_where_it_was()
    {
        var now = DateTimeOffset.UtcNow;
        var unit = UnitEvolution.Evolve(Unit(UnitStatus.Available), new UnitPositionReported(Guid.Empty, new GeoPoint(36.6, 111.7), now));

        var after = UnitEvolution.Evolve(unit, new UnitPositionReported(Guid.Empty, new GeoPoint(36.5, 111.6), now.AddMinutes(-5)));

        Assert.Equal(new GeoPoint(36.6, 111.7), after.Location);
        Assert.Equal(now, after.PositionAt);
    }

    private static RescueUnit Unit(UnitStatus status) =>
        UnitEvolution.Create(new UnitRegistered(Guid.NewGuid(), "霍州消防 1", UnitKind.FireEngine, NimsType.II, ["fire"], 6, new GeoPoint(36.57, 111.72), Guid.NewGuid()), DateTimeOffset.UtcNow)
        with { Status = status };
}
