using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.ChangingCapabilities;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Units;

public sealed class ChangeUnitCapabilitiesTests
{
    private static readonly RescueUnit Unit = UnitEvolution.Create(
        new UnitRegistered(Guid.NewGuid(), "霍州矿山救护队", UnitKind.MineRescueTeam, NimsType.I, ["mine-rescue"], 12, new GeoPoint(36.57, 111.72), OwnAgency),
        new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Given_new_tags_when_a_partner_corrects_its_unit_then_they_replace_the_old_ones_normalized()
    {
        var result = ChangeUnitCapabilitiesDecision.Decide(Unit, new ChangeUnitCapabilities(Unit.Id, [" Mine-Rescue ", "rope-rescue", "rope-rescue"]), Partner);

        var changed = result.Value!;
        Assert.Equal(["mine-rescue"], changed.From);
        Assert.Equal(["mine-rescue", "rope-rescue"], changed.To);
        Assert.Equal(["mine-rescue", "rope-rescue"], UnitEvolution.Evolve(Unit, changed).Capabilities);
    }

    [Fact]
    public void Given_the_tags_it_already_has_when_deciding_then_nothing_is_recorded()
    {
        var result = ChangeUnitCapabilitiesDecision.Decide(Unit, new ChangeUnitCapabilities(Unit.Id, ["MINE-RESCUE"]), Admin);

        Assert.True(result.Succeeded);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Given_no_tags_when_an_admin_clears_them_then_the_unit_has_none() =>
        Assert.Empty(ChangeUnitCapabilitiesDecision.Decide(Unit, new ChangeUnitCapabilities(Unit.Id, []), Admin).Value!.To);

    [Fact]
    public void Given_another_agencys_unit_when_a_partner_corrects_it_then_it_is_forbidden() =>
        Assert.Equal((ErrorCodes.Forbidden, "unitId"),
            ErrorOf(ChangeUnitCapabilitiesDecision.Decide(Unit, new ChangeUnitCapabilities(Unit.Id, ["hazmat"]), OtherPartner)));

    [Fact]
    public void Given_no_unit_when_deciding_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "unitId"),
            ErrorOf(ChangeUnitCapabilitiesDecision.Decide(null, new ChangeUnitCapabilities(Guid.NewGuid(), ["hazmat"]), Admin)));

    [Fact]
    public void Given_a_tag_that_is_not_one_when_deciding_then_it_is_a_validation_error_on_capabilities() =>
        Assert.Equal((ErrorCodes.Validation, "capabilities"),
            ErrorOf(ChangeUnitCapabilitiesDecision.Decide(Unit, new ChangeUnitCapabilities(Unit.Id, ["water rescue!"]), Admin)));
}
