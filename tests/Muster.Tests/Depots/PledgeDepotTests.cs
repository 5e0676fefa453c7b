using Muster.Depots;
using Muster.Depots.Pledging;
using Muster.Infrastructure;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Depots;

public sealed class PledgeDepotTests
{
    [Fact]
    public void Given_a_private_depot_when_its_partner_pledges_then_it_joins_the_shared_pool()
    {
        var result = PledgeDepotDecision.Decide(PrivateDepot, new PledgeDepot(PrivateDepot.Id), Partner);

        Assert.True(DepotEvolution.Evolve(PrivateDepot, result.Value!).Shared);
    }

    [Fact]
    public void Given_a_shared_depot_when_pledging_then_it_is_an_invalid_state() =>
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(PledgeDepotDecision.Decide(SharedDepot, new PledgeDepot(SharedDepot.Id), Admin)).Code);

    [Fact]
    public void Given_another_agencys_depot_when_a_partner_pledges_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(PledgeDepotDecision.Decide(PrivateDepot, new PledgeDepot(PrivateDepot.Id), OtherPartner)).Code);

    [Fact]
    public void Given_a_closed_depot_when_pledging_then_it_is_an_invalid_state() =>
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(PledgeDepotDecision.Decide(ClosedDepot, new PledgeDepot(ClosedDepot.Id), Logistics)).Code);

    [Fact]
    public void Given_no_depot_when_pledging_then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, ErrorOf(PledgeDepotDecision.Decide(null, new PledgeDepot(Guid.NewGuid()), Admin)).Code);
}
