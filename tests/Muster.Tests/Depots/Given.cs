using Muster.Depots;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Tests.Depots;

/// <summary>Depots in the states the tests start from, and the actors who act on them.</summary>
public static class Given
{
    public static readonly Guid OwnAgency = Guid.NewGuid();
    public static readonly Guid OtherAgency = Guid.NewGuid();

    public static readonly Actor Admin = new("a", Role.Admin, null);
    public static readonly Actor Logistics = new("l", Role.Logistics, null);
    public static readonly Actor Commander = new("c", Role.Commander, null);
    public static readonly Actor Partner = new("p", Role.Partner, OwnAgency);
    public static readonly Actor OtherPartner = new("o", Role.Partner, OtherAgency);

    public static Depot PrivateDepot { get; } = DepotEvolution.Create(
        new DepotRegistered(Guid.NewGuid(), "霍州市应急物资储备库", "开元街 1 号", new GeoPoint(36.57, 111.72), OwnAgency, Shared: false),
        DateTimeOffset.UnixEpoch);

    public static Depot SharedDepot { get; } = DepotEvolution.Evolve(PrivateDepot, new DepotPledged(PrivateDepot.Id));

    public static Depot ClosedDepot { get; } = DepotEvolution.Evolve(SharedDepot, new DepotClosed(PrivateDepot.Id, "merged"));

    public static (string Code, string? Field) Pair(DomainError error) => (error.Code, error.Field);

    public static (string Code, string? Field) ErrorOf<T>(Result<T> result) => Pair(result.Errors.Single());
}
