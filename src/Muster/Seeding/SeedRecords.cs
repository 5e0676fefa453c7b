using Muster.Agencies;
using Muster.Agencies.Registering;
using Muster.Depots.Registering;
using Muster.Experts;
using Muster.Experts.Registering;
using Muster.Spatial;
using Muster.Supplies;
using Muster.Supplies.Receiving;
using Muster.Units;
using Muster.Units.Registering;

namespace Muster.Seeding;

// The register's seed records: the API's input shapes, except that an owner is named by its agency's name
// (ids are the service's to give) and a lot may say its expiry relative to the day it is loaded.

public sealed record SeedAgency(string Name, AgencyKind Kind, string? Contact, GeoPoint? Headquarters)
{
    public RegisterAgency Command => new(Name, Kind, Contact, Headquarters);
}

public sealed record SeedDepot(string Name, string? Address, GeoPoint Location, string Agency, bool Shared, List<SeedLot>? Stock)
{
    public RegisterDepot Command(Guid agencyId) => new(Name, Address, Location, agencyId, Shared);
}

/// <param name="ExpiresInDays">Instead of <paramref name="ExpiresOn"/>: days after the load, so the demo's lots never arrive expired.</param>
public sealed record SeedLot(string ItemCode, int Quantity, string Lot, DateOnly? ExpiresOn, int? ExpiresInDays, StockSource? Source, string? Note)
{
    public ReceiveStock Command(Guid depotId, DateOnly today) =>
        new(depotId, ItemCode, Quantity, Lot, ExpiresOn ?? (ExpiresInDays is { } days ? today.AddDays(days) : null), Source ?? StockSource.Procured, Note);
}

public sealed record SeedUnit(string Name, UnitKind Kind, NimsType Type, List<string> Capabilities, int CrewSize, GeoPoint HomeStation, string Agency)
{
    public RegisterUnit Command(Guid agencyId) => new(Name, Kind, Type, Capabilities, CrewSize, HomeStation, agencyId);
}

public sealed record SeedExpert(string Name, ExpertKind Kind, List<string> Specialties, string Contact, GeoPoint Location, string Agency, string? OnCall)
{
    public RegisterExpert Command(Guid agencyId) => new(Name, Kind, Specialties, Contact, Location, agencyId, OnCall);
}
