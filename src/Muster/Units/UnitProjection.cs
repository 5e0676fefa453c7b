using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Units;

/// <summary>The unit document, kept inline so a reader sees its own writes.</summary>
public partial class UnitProjection : SingleStreamProjection<RescueUnit, Guid>
{
    public static RescueUnit Create(IEvent<UnitRegistered> registered) => UnitEvolution.Create(registered.Data, registered.Timestamp);

    public static RescueUnit Apply(UnitStatusChanged changed, RescueUnit unit) => UnitEvolution.Evolve(unit, changed);

    public static RescueUnit Apply(UnitPositionReported reported, RescueUnit unit) => UnitEvolution.Evolve(unit, reported);

    public static RescueUnit Apply(UnitPositionWentStale stale, RescueUnit unit) => UnitEvolution.Evolve(unit, stale);
}

/// <summary>How a unit's state follows from its events; pure, shared by the projection and time travel.</summary>
public static class UnitEvolution
{
    public static RescueUnit Create(UnitRegistered e, DateTimeOffset at) =>
        new(e.UnitId, e.Name, e.Kind, e.Type, e.Capabilities, e.CrewSize, e.HomeStation, e.AgencyId,
            UnitStatus.Available, e.HomeStation, null, false, at);

    public static RescueUnit Evolve(RescueUnit unit, object @event) => @event switch
    {
        UnitStatusChanged changed => unit with { Status = changed.To },
        UnitPositionReported reported when unit.PositionAt is null || reported.At > unit.PositionAt =>
            unit with { Location = reported.Location, PositionAt = reported.At, PositionStale = false },
        UnitPositionWentStale => unit with { PositionStale = true },
        _ => unit,
    };
}
