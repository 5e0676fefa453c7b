using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Reserving;
using static Muster.Tests.Supplies.Given;

namespace Muster.Tests.Supplies;

public sealed class StockReservationsTests
{
    private static readonly Guid Request = Guid.NewGuid();
    private static readonly StockLine Stocked = Line(Received(30, "LATE", Today.AddDays(300)), Received(10, "SOON", Today.AddDays(10)));

    [Fact]
    public void Given_available_stock_when_reserving_then_it_is_reserved_and_no_longer_available()
    {
        var line = StockLineEvolution.Evolve(Stocked, StockReservations.Reserve(Stocked, Request, ReservationHolder.SupplyRequest, 25).Value!, Now);

        Assert.Equal((40, 25, 15, 25), (line.OnHand, line.Reserved, line.Available, line.ReservedFor(Request)));
    }

    [Fact]
    public void Given_less_available_when_reserving_then_it_is_insufficient_stock()
    {
        var line = StockLineEvolution.Evolve(Stocked, StockReservations.Reserve(Stocked, Guid.NewGuid(), ReservationHolder.Transfer, 35).Value!, Now);

        Assert.Equal((ErrorCodes.InsufficientStock, "quantity"), ErrorOf(StockReservations.Reserve(line, Request, ReservationHolder.SupplyRequest, 6)));
        Assert.Equal((ErrorCodes.InsufficientStock, "quantity"), ErrorOf(StockReservations.Reserve(null, Request, ReservationHolder.SupplyRequest, 1)));
    }

    [Fact]
    public void Given_a_reservation_when_releasing_then_the_stock_is_available_again_and_a_second_release_has_nothing()
    {
        var reserved = StockLineEvolution.Evolve(Stocked, StockReservations.Reserve(Stocked, Request, ReservationHolder.SupplyRequest, 25).Value!, Now);

        var released = StockLineEvolution.Evolve(reserved, StockReservations.Release(reserved, Request, "cancelled")!, Now);

        Assert.Equal((0, 40), (released.Reserved, released.Available));
        Assert.Null(StockReservations.Release(released, Request, "again"));
    }

    [Fact]
    public void Given_a_reservation_when_issuing_then_it_leaves_the_shelf_first_expiring_first()
    {
        var reserved = StockLineEvolution.Evolve(Stocked, StockReservations.Reserve(Stocked, Request, ReservationHolder.SupplyRequest, 25).Value!, Now);

        var issued = StockReservations.Issue(reserved, Request)!;
        var line = StockLineEvolution.Evolve(reserved, issued, Now);

        Assert.Equal([new LotQuantity("SOON", Today.AddDays(10), 10), new LotQuantity("LATE", Today.AddDays(300), 15)], issued.Lots);
        Assert.Equal((15, 0), (line.OnHand, line.Reserved));
        Assert.Equal(new LotBalance("LATE", Today.AddDays(300), 15), Assert.Single(line.Lots));
        Assert.Null(StockReservations.Issue(line, Request));
    }
}
