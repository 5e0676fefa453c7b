using Muster.Depots;
using Muster.Depots.Closing;
using Muster.Infrastructure;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Depots;

public sealed class CloseDepotTests
{
    [Fact]
    public void Given_an_empty_open_depot_when_closing_then_it_is_closed_with_the_reason()
    {
        var result = CloseDepotDecision.Decide(SharedDepot, new CloseDepot(SharedDepot.Id, " 并入市级库 "), Partner, hasStock: false);

        Assert.Equal(new DepotClosed(SharedDepot.Id, "并入市级库"), result.Value);
        Assert.True(DepotEvolution.Evolve(SharedDepot, result.Value!).Closed);
    }

    [Fact]
    public void Given_a_depot_holding_stock_when_closing_then_it_is_an_invalid_state() =>
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(CloseDepotDecision.Decide(PrivateDepot, new CloseDepot(PrivateDepot.Id, "x"), Admin, hasStock: true)).Code);

    [Fact]
    public void Given_a_closed_depot_when_closing_again_then_it_is_an_invalid_state() =>
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(CloseDepotDecision.Decide(ClosedDepot, new CloseDepot(ClosedDepot.Id, "again"), Admin, false)).Code);

    [Fact]
    public void Given_another_agencys_depot_when_a_partner_closes_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(CloseDepotDecision.Decide(PrivateDepot, new CloseDepot(PrivateDepot.Id, "x"), OtherPartner, false)).Code);

    [Fact]
    public void Given_no_reason_when_closing_then_it_is_a_validation_error() =>
        Assert.Equal((ErrorCodes.Validation, "reason"), ErrorOf(CloseDepotDecision.Decide(PrivateDepot, new CloseDepot(PrivateDepot.Id, " "), Logistics, false)));
}
