using Muster.Depots;
using Muster.Infrastructure;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Depots;

public sealed class DepotVisibilityTests
{
    private static readonly Depot OwnClosedPrivate = DepotEvolution.Evolve(PrivateDepot, new DepotClosed(PrivateDepot.Id, "x"));

    public static TheoryData<string, bool, bool, bool, bool> Cases() => new()
    {
        // depot, own partner, other partner, commander, logistics
        { nameof(PrivateDepot), true, false, true, true },
        { nameof(SharedDepot), true, true, true, true },
        { nameof(ClosedDepot), true, false, true, true },
        { nameof(OwnClosedPrivate), true, false, true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_partner_sees_the_open_shared_pool_and_its_own_the_bureau_sees_all(string depot, bool own, bool other, bool commander, bool logistics)
    {
        var subject = Depot(depot);

        Assert.Equal(
            (own, other, commander, logistics),
            (DepotVisibility.MaySee(Partner, subject), DepotVisibility.MaySee(OtherPartner, subject),
                DepotVisibility.MaySee(Commander, subject), DepotVisibility.MaySee(Logistics, subject)));
    }

    [Fact]
    public void The_query_filter_agrees_with_the_rule()
    {
        Depot[] depots = [PrivateDepot, SharedDepot, ClosedDepot, OwnClosedPrivate];
        foreach (var viewer in new[] { Partner, OtherPartner, Commander, Admin, new Actor("n", Role.Partner, null) })
        {
            Assert.Equal(depots.Where(d => DepotVisibility.MaySee(viewer, d)), depots.AsQueryable().VisibleTo(viewer));
        }
    }

    private static Depot Depot(string name) => name switch
    {
        nameof(PrivateDepot) => PrivateDepot,
        nameof(SharedDepot) => SharedDepot,
        nameof(ClosedDepot) => ClosedDepot,
        _ => OwnClosedPrivate,
    };
}
