using Muster.Infrastructure;
using Muster.Requests;
using Muster.Requests.Requesting;
using Muster.Spatial;
using static Muster.Tests.Requests.Given;

namespace Muster.Tests.Requests;

public sealed class RequestSuppliesTests
{
    private static RequestSupplies Command(Guid? agency = null, DateTimeOffset? neededBy = null, params ItemQuantity[] lines) =>
        new(lines.Length == 0 ? [new ItemQuantity(Tent, 20)] : lines, new GeoPoint(36.56, 111.71), null, SupplyPriority.High, neededBy, agency, " 安置点 ");

    private static Result<SupplyRequested> Decide(RequestSupplies command, Actor actor) =>
        RequestSuppliesDecision.Decide(command, Guid.NewGuid(), actor, Items, id => id == RedCross || id == MineRescue, null, Now);

    [Fact]
    public void Given_a_partner_when_requesting_then_the_request_is_its_own_agencys()
    {
        var result = Decide(Command(), Partner);

        Assert.Equal((RedCross, "安置点"), (result.Value!.AgencyId, result.Value.Note));
        Assert.Equal(SupplyRequestStatus.Requested, SupplyRequestEvolution.Create(result.Value, Now).Status);
    }

    [Fact]
    public void Given_a_partner_naming_another_agency_when_requesting_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(Decide(Command(MineRescue), Partner)).Code);

    [Fact]
    public void Given_bureau_staff_when_requesting_then_the_agency_is_the_one_named_or_none() =>
        Assert.Equal((MineRescue, (Guid?)null), (Decide(Command(MineRescue), Logistics).Value!.AgencyId, Decide(Command(), Commander).Value!.AgencyId));

    [Theory]
    [InlineData(Tent, 0, ErrorCodes.Validation, "lines[0].quantity")]
    [InlineData(Tent, -1, ErrorCodes.Validation, "lines[0].quantity")]
    [InlineData(Tent, 1_000_001, ErrorCodes.Validation, "lines[0].quantity")]
    [InlineData("10101", 5, ErrorCodes.Validation, "lines[0].itemCode")]
    [InlineData("1000101", 5, ErrorCodes.Validation, "lines[0].itemCode")]
    [InlineData("3010101", 5, ErrorCodes.NotFound, "lines[0].itemCode")]
    public void Given_a_bad_line_when_requesting_then_it_is_refused(string code, int quantity, string error, string field) =>
        Assert.Equal((error, field), ErrorOf(Decide(Command(null, null, new ItemQuantity(code, quantity)), Partner)));

    [Fact]
    public void Given_an_item_twice_no_lines_or_a_past_deadline_when_requesting_then_they_are_validation_errors()
    {
        Assert.Equal((ErrorCodes.Validation, "lines[1].itemCode"), ErrorOf(Decide(Command(null, null, new(Tent, 1), new(Tent, 2)), Partner)));
        Assert.Equal((ErrorCodes.Validation, "lines"), ErrorOf(Decide(Command() with { Lines = [] }, Partner)));
        Assert.Equal((ErrorCodes.Validation, "neededBy"), ErrorOf(Decide(Command(neededBy: Now.AddMinutes(-1)), Partner)));
    }

    [Fact]
    public void Given_an_unknown_agency_when_requesting_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "agencyId"), ErrorOf(Decide(Command(Guid.NewGuid()), Logistics)));
}
