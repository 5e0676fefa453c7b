using Muster.Depots;
using Muster.Depots.Withdrawing;
using Muster.Infrastructure;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Depots;

public sealed class WithdrawDepotTests
{
    [Fact]
    public void Given_a_shared_depot_when_logistics_withdraws_then_it_is_private_again()
    {
        var result = WithdrawDepotDecision.Decide(SharedDepot, new WithdrawDepot(SharedDepot.Id), Logistics);

        Assert.False(DepotEvolution.Evolve(SharedDepot, result.Value!).Shared);
    }

    [Fact]
    public void Given_a_private_depot_when_withdrawing_then_it_is_an_invalid_state() =>
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(WithdrawDepotDecision.Decide(PrivateDepot, new WithdrawDepot(PrivateDepot.Id), Partner)).Code);

    [Fact]
    public void Given_another_agencys_shared_depot_when_a_partner_withdraws_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(WithdrawDepotDecision.Decide(SharedDepot, new WithdrawDepot(SharedDepot.Id), OtherPartner)).Code);

    [Fact]
    public void Given_a_closed_depot_when_withdrawing_then_it_is_an_invalid_state() =>
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(WithdrawDepotDecision.Decide(ClosedDepot, new WithdrawDepot(ClosedDepot.Id), Admin)).Code);
}
