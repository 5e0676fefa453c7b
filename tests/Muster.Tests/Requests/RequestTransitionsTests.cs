using Muster.Infrastructure;
using Muster.Requests;
using Muster.Requests.Allocating;
using Muster.Requests.Approving;
using Muster.Requests.Cancelling;
using Muster.Requests.Delivering;
using Muster.Requests.Dispatching;
using Muster.Requests.HoldTimeout;
using Muster.Requests.Rejecting;
using Muster.Supplies;
using static Muster.Tests.Requests.Given;

namespace Muster.Tests.Requests;

/// <summary>Every transition of a request, from each state it starts in, and who may make it.</summary>
public sealed class RequestTransitionsTests
{
    private static readonly Guid Depot = Guid.NewGuid();

    [Fact]
    public void Given_a_requested_request_when_logistics_approves_then_it_is_approved_and_only_once()
    {
        var request = Requested();

        var approved = request.Then(ApproveSupplyRequestDecision.Decide(request, Logistics).Value!);

        Assert.Equal(SupplyRequestStatus.Approved, approved.Status);
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(ApproveSupplyRequestDecision.Decide(approved, Admin)).Code);
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(ApproveSupplyRequestDecision.Decide(request, Partner)).Code);
        Assert.Equal(ErrorCodes.NotFound, ErrorOf(ApproveSupplyRequestDecision.Decide(null, Logistics)).Code);
    }

    [Fact]
    public void Given_an_unallocated_request_when_rejecting_with_a_reason_then_it_is_rejected_with_it()
    {
        var rejected = Approved().Then(RejectSupplyRequestDecision.Decide(Approved(), new(Guid.Empty, " 库存另行调拨 "), Logistics).Value!);

        Assert.Equal((SupplyRequestStatus.Rejected, "库存另行调拨"), (rejected.Status, rejected.DecisionReason));
        Assert.Equal((ErrorCodes.Validation, "reason"), ErrorOf(RejectSupplyRequestDecision.Decide(Requested(), new(Guid.Empty, ""), Logistics)));
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(RejectSupplyRequestDecision.Decide(rejected, new(Guid.Empty, "again"), Logistics)).Code);
    }

    [Fact]
    public void Given_a_requested_request_when_logistics_allocates_then_it_is_approved_on_the_way_and_the_stock_reserved()
    {
        var request = Requested(new ItemQuantity(Tent, 10));
        var line = Line(Depot, Tent, 25);

        var change = AllocateSupplyRequestDecision.Decide(request, Logistics, [Candidate(line, 900)], Lines(line)).Value!;

        Assert.IsType<SupplyRequestApproved>(change.RequestEvents[0]);
        var reserved = Assert.IsType<StockReserved>(Assert.Single(change.StockEvents));
        Assert.Equal((request.Id, ReservationHolder.SupplyRequest, 10), (reserved.HolderId, reserved.Holder, reserved.Quantity));
        var (after, lines) = Apply(request, Lines(line), change);
        Assert.Equal((SupplyRequestStatus.Allocated, Now), (after.Status, after.AllocatedAt));
        Assert.Equal(15, lines[line.Id]!.Available);
    }

    [Fact]
    public void Given_a_candidate_read_before_another_reservation_when_allocating_then_only_what_the_line_has_now_is_taken()
    {
        var request = Approved(new ItemQuantity(Tent, 10));
        var read = Line(Depot, Tent, 10);
        var now = Line(Depot, Tent, 10, reserved: 8);

        var change = AllocateSupplyRequestDecision.Decide(request, Logistics, [Candidate(read, 900)], Lines(now)).Value!;

        Assert.Equal(2, Assert.IsType<StockReserved>(Assert.Single(change.StockEvents)).Quantity);
        Assert.Equal([new ItemQuantity(Tent, 8)], Assert.IsType<SupplyRequestAllocated>(Assert.Single(change.RequestEvents)).Shortfalls);
    }

    [Fact]
    public void Given_a_partially_allocated_request_when_allocating_again_then_only_what_is_missing_is_added()
    {
        var request = Approved(new ItemQuantity(Tent, 10));
        var first = Line(Depot, Tent, 4);
        var (partial, _) = Apply(request, Lines(first), AllocateSupplyRequestDecision.Decide(request, Logistics, [Candidate(first, 900)], Lines(first)).Value!);
        var restocked = Line(Depot, Tent, 20, reserved: 4);

        var change = AllocateSupplyRequestDecision.Decide(partial, Logistics, [Candidate(restocked, 900)], Lines(restocked)).Value!;
        var (topped, _) = Apply(partial, Lines(restocked), change);

        Assert.Equal(SupplyRequestStatus.PartiallyAllocated, partial.Status);
        Assert.Equal(6, Assert.IsType<StockReserved>(Assert.Single(change.StockEvents)).Quantity);
        Assert.Equal((SupplyRequestStatus.Allocated, 10), (topped.Status, Assert.Single(topped.Allocations).Quantity));
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(AllocateSupplyRequestDecision.Decide(topped, Logistics, [], Lines())).Code);
    }

    [Theory]
    [InlineData(SupplyRequestStatus.Cancelled)]
    [InlineData(SupplyRequestStatus.Delivered)]
    [InlineData(SupplyRequestStatus.Rejected)]
    [InlineData(SupplyRequestStatus.InTransit)]
    public void Given_a_closed_or_shipped_request_when_allocating_then_it_is_an_invalid_state(SupplyRequestStatus status) =>
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(AllocateSupplyRequestDecision.Decide(Requested() with { Status = status }, Admin, [], Lines())).Code);

    [Fact]
    public void Given_a_partner_or_commander_when_allocating_then_it_is_forbidden()
    {
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(AllocateSupplyRequestDecision.Decide(Requested(), Partner, [], Lines())).Code);
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(AllocateSupplyRequestDecision.Decide(Requested(), Commander, [], Lines())).Code);
    }

    [Fact]
    public void Given_an_allocated_request_when_dispatching_then_every_reservation_is_issued_first_expiring_first()
    {
        var (request, lines) = AllocatedFromTwoLots(6);

        var change = DispatchShipmentDecision.Decide(request, lines, new(request.Id, " 晋L·E0119 ", "李建国", Now.AddHours(2)), Logistics, Now).Value!;
        var (shipped, after) = Apply(request, lines, change);

        var issued = Assert.IsType<StockIssued>(Assert.Single(change.StockEvents));
        Assert.Equal([new LotQuantity("EARLY", new DateOnly(2030, 1, 1), 5), new LotQuantity("LATE", new DateOnly(2031, 1, 1), 1)], issued.Lots);
        Assert.Equal((SupplyRequestStatus.InTransit, "晋L·E0119"), (shipped.Status, shipped.Shipment!.Vehicle));
        Assert.Equal((4, 0), (after.Values.Single()!.OnHand, after.Values.Single()!.Reserved));
    }

    [Fact]
    public void Given_an_unallocated_request_or_a_past_arrival_when_dispatching_then_it_is_refused()
    {
        var (request, lines) = AllocatedFromTwoLots(6);

        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(DispatchShipmentDecision.Decide(Approved(), Lines(), new(Guid.Empty, "v", "d", Now.AddHours(1)), Logistics, Now)).Code);
        Assert.Equal((ErrorCodes.Validation, "expectedArrival"), ErrorOf(DispatchShipmentDecision.Decide(request, lines, new(request.Id, "v", "d", Now.AddHours(-1)), Logistics, Now)));
        Assert.Equal((ErrorCodes.Validation, "driver"), ErrorOf(DispatchShipmentDecision.Decide(request, lines, new(request.Id, "v", " ", Now.AddHours(1)), Logistics, Now)));
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(DispatchShipmentDecision.Decide(request, lines, new(request.Id, "v", "d", Now.AddHours(1)), Partner, Now)).Code);
    }

    [Fact]
    public void Given_a_shipment_when_the_requester_confirms_less_then_the_discrepancy_is_recorded_and_more_is_refused()
    {
        var shipped = InTransit(6);

        var delivered = shipped.Then(ConfirmDeliveryDecision.Decide(shipped, new(shipped.Id, [new(Tent, 5)], null), Partner).Value!);

        Assert.Equal(SupplyRequestStatus.Delivered, delivered.Status);
        Assert.Equal([new Discrepancy(Tent, 6, 5)], delivered.Discrepancies);
        Assert.Equal((ErrorCodes.Validation, "received[0].quantity"), ErrorOf(ConfirmDeliveryDecision.Decide(shipped, new(shipped.Id, [new(Tent, 7)], null), Logistics)));
        Assert.Equal((ErrorCodes.Validation, "received"), ErrorOf(ConfirmDeliveryDecision.Decide(shipped, new(shipped.Id, [], null), Logistics)));
        Assert.Equal(ErrorCodes.NotFound, ErrorOf(ConfirmDeliveryDecision.Decide(shipped, new(shipped.Id, [new(Tent, 6)], null), OtherPartner)).Code);
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(ConfirmDeliveryDecision.Decide(shipped, new(shipped.Id, [new(Tent, 6)], null), Commander)).Code);
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(ConfirmDeliveryDecision.Decide(delivered, new(shipped.Id, [new(Tent, 6)], null), Logistics)).Code);
    }

    [Fact]
    public void Given_an_allocated_request_when_its_partner_cancels_then_every_reservation_is_released()
    {
        var (request, lines) = AllocatedFromTwoLots(6);

        var change = CancelSupplyRequestDecision.Decide(request, lines, new(request.Id, "险情解除"), Partner).Value!;
        var (cancelled, after) = Apply(request, lines, change);

        Assert.Equal(6, Assert.IsType<ReservationReleased>(Assert.Single(change.StockEvents)).Quantity);
        Assert.Equal((SupplyRequestStatus.Cancelled, "险情解除"), (cancelled.Status, cancelled.DecisionReason));
        Assert.Empty(cancelled.Allocations);
        Assert.Equal(10, after.Values.Single()!.Available);
        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(CancelSupplyRequestDecision.Decide(InTransit(2), Lines(), new(Guid.Empty, "late"), Logistics)).Code);
        Assert.Equal(ErrorCodes.NotFound, ErrorOf(CancelSupplyRequestDecision.Decide(request, lines, new(request.Id, "x"), OtherPartner)).Code);
    }

    [Fact]
    public void Given_an_allocation_held_past_the_hold_time_when_the_job_runs_then_it_is_released_and_the_request_approved_again()
    {
        var (request, lines) = AllocatedFromTwoLots(6);
        var hold = TimeSpan.FromHours(48);

        var change = ReleaseHoldDecision.Decide(request, lines, hold, Now + hold)!;
        var (released, after) = Apply(request, lines, change);

        Assert.Null(ReleaseHoldDecision.Decide(request, lines, hold, Now + hold - TimeSpan.FromMinutes(1)));
        Assert.Equal((SupplyRequestStatus.Approved, 0, (DateTimeOffset?)null), (released.Status, released.Allocations.Count, released.AllocatedAt));
        Assert.Equal(10, after.Values.Single()!.Available);
        Assert.Null(ReleaseHoldDecision.Decide(released, after, hold, Now + hold));
        Assert.Null(ReleaseHoldDecision.Decide(InTransit(2), Lines(), hold, Now + hold));
    }

    private static IReadOnlyDictionary<Guid, StockLine?> Lines(params StockLine[] lines) => lines.ToDictionary(l => l.Id, l => (StockLine?)l);

    /// <summary>A request for tents allocated from one depot holding lot EARLY (5, expires 2030) and lot LATE (5, expires 2031).</summary>
    private static (SupplyRequest, IReadOnlyDictionary<Guid, StockLine?>) AllocatedFromTwoLots(int quantity)
    {
        var request = Approved(new ItemQuantity(Tent, quantity));
        var late = Line(Depot, Tent, 5, lot: "LATE", expires: new DateOnly(2031, 1, 1));
        var line = StockLineEvolution.Evolve(late, new StockReceived(late.Id, Depot, Tent, 5, "EARLY", new DateOnly(2030, 1, 1), StockSource.Procured, null, null), Now);
        var change = AllocateSupplyRequestDecision.Decide(request, Logistics, [Candidate(line, 500)], Lines(line)).Value!;
        return Apply(request, Lines(line), change);
    }

    private static SupplyRequest InTransit(int quantity)
    {
        var (request, lines) = AllocatedFromTwoLots(quantity);
        return Apply(request, lines, DispatchShipmentDecision.Decide(request, lines, new(request.Id, "v", "d", Now.AddHours(1)), Logistics, Now).Value!).Request;
    }
}
