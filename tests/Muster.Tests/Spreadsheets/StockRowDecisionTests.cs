using Muster.Infrastructure;
using Muster.Spreadsheets.ImportingStock;
using Muster.Supplies;
using static Muster.Tests.Supplies.Given;

namespace Muster.Tests.Spreadsheets;

/// <summary>A row of an imported sheet is decided by the same rules as the receiveStock and adjustStock mutations.</summary>
public sealed class StockRowDecisionTests
{
    // The row decision reads the depot and the item of the line; the stream is the handler's business.
    private static readonly LineForWriting Fetched = new(Depot, WaterItem, null!);

    [Fact]
    public void Given_a_receipts_sheet_when_a_row_is_decided_then_it_receives_the_lot_with_its_expiry()
    {
        var result = Decide(StockImportMode.Receipts, Row(quantity: " 120 ", lot: "W-7", expiresOn: "2027-06-30"), state: null);

        var received = Assert.IsType<StockReceived>(result.Value);
        Assert.Equal((Depot.Id, Water, 120, "W-7", new DateOnly(2027, 6, 30)), (received.DepotId, received.ItemCode, received.Quantity, received.Lot, received.ExpiresOn));
    }

    [Fact]
    public void Given_a_count_sheet_when_a_lot_holds_other_than_the_ledger_then_the_difference_is_counted_with_the_sheets_reason()
    {
        var result = Decide(StockImportMode.Count, Row(quantity: "90", lot: "A-1"), Line(Received(100, "A-1")));

        var counted = Assert.IsType<StockCounted>(result.Value);
        Assert.Equal(("A-1", 90, -10, "年度盘点"), (counted.Lot, counted.Counted, counted.Difference, counted.Reason));
    }

    [Fact]
    public void Given_a_count_sheet_when_a_lot_holds_what_the_ledger_says_then_nothing_is_written_for_the_row()
    {
        var result = Decide(StockImportMode.Count, Row(quantity: "100", lot: " A-1 "), Line(Received(100, "A-1")));

        Assert.True(result.Succeeded);
        Assert.Null(result.Value);
    }

    public static TheoryData<StockImportMode, StockImportRow, string> BadRows() => new()
    {
        { StockImportMode.Receipts, Row(quantity: "12.5"), "quantity" },
        { StockImportMode.Receipts, Row(quantity: "很多"), "quantity" },
        { StockImportMode.Receipts, Row(expiresOn: "2027/06/30"), "expiresOn" },
        { StockImportMode.Receipts, Row(quantity: "0"), "quantity" },
        { StockImportMode.Receipts, Row(expiresOn: "2026-11-29"), "expiresOn" },
        { StockImportMode.Count, Row(lot: " "), "lot" },
        { StockImportMode.Count, Row(quantity: "-1", lot: "A-1"), "countedQuantity" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Given_a_bad_row_when_it_is_decided_then_it_is_a_validation_error_on_that_column(StockImportMode mode, StockImportRow row, string field) =>
        Assert.Equal((ErrorCodes.Validation, field), ErrorOf(Decide(mode, row, Line(Received(100, "A-1")))));

    [Fact]
    public void Given_another_agencys_private_depot_when_a_partner_imports_then_the_depot_stays_hidden() =>
        Assert.Equal((ErrorCodes.NotFound, "depotId"),
            ErrorOf(StockRowDecision.Decide(Fetched, null, Row(), Import(StockImportMode.Receipts), OtherPartner, Today)));

    private static Result<IStockLineEvent?> Decide(StockImportMode mode, StockImportRow row, StockLine? state) =>
        StockRowDecision.Decide(Fetched, state, row, Import(mode), Logistics, Today);

    private static ImportStock Import(StockImportMode mode) => new(Depot.Id, mode, [], DryRun: false, Reason: "年度盘点");

    private static StockImportRow Row(string quantity = "10", string? lot = "A-2", string? expiresOn = null) =>
        new(2, Water, quantity, lot, expiresOn, null);
}
