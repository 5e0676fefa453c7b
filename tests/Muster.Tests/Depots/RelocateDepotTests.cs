using Muster.Depots;
using Muster.Depots.Relocating;
using Muster.Infrastructure;
using Muster.Spatial;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Depots;

public sealed class RelocateDepotTests
{
    private static readonly GeoPoint NewSite = new(36.61, 111.74);

    [Fact]
    public void Given_an_open_depot_when_relocating_then_it_moves_with_its_new_address()
    {
        var result = RelocateDepotDecision.Decide(PrivateDepot, new RelocateDepot(PrivateDepot.Id, NewSite, " 新址 "), Partner);

        Assert.Equal(new DepotRelocated(PrivateDepot.Id, NewSite, "新址"), result.Value);
        Assert.Equal(NewSite, DepotEvolution.Evolve(PrivateDepot, result.Value!).Location);
    }

    [Fact]
    public void Given_no_depot_when_relocating_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "depotId"), ErrorOf(RelocateDepotDecision.Decide(null, Command(), Admin)));

    [Fact]
    public void Given_another_agencys_depot_when_a_partner_relocates_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(RelocateDepotDecision.Decide(SharedDepot, Command(), OtherPartner)).Code);

    [Fact]
    public void Given_a_closed_depot_when_relocating_then_it_is_an_invalid_state() =>
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(RelocateDepotDecision.Decide(ClosedDepot, Command(), Logistics)).Code);

    [Fact]
    public void Given_a_bad_latitude_when_relocating_then_it_is_a_validation_error() =>
        Assert.Equal((ErrorCodes.Validation, "location"),
            ErrorOf(RelocateDepotDecision.Decide(PrivateDepot, Command() with { Location = new GeoPoint(123, 111.7) }, Admin)));

    private static RelocateDepot Command() => new(PrivateDepot.Id, NewSite, null);
}
