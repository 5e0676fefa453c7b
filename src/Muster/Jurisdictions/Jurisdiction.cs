using JasperFx.Events;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Jurisdictions;

/// <summary>A responsible person of a jurisdiction or an enterprise, and how to reach them.</summary>
public sealed record ResponsiblePerson(string Role, string Name, string Phone);

/// <summary>An enterprise (or a department) in a jurisdiction's handbook.</summary>
public sealed record Enterprise(Guid Id, string Name, GeoPoint? Location, IReadOnlyList<ResponsiblePerson> Persons);

/// <summary>
/// A jurisdiction of the safety supervision network (安全监管网络): the county, a township or street office, a village
/// or community; its area (a boundary as drawn, or an approximate one derived from its seat), who answers for it, and
/// the enterprises in it.
/// </summary>
public sealed record Jurisdiction(
    Guid Id,
    string Name,
    JurisdictionLevel Level,
    Guid? ParentId,
    Guid? AgencyId,
    string? Boundary,
    GeoPoint? Seat,
    string? DerivedArea,
    IReadOnlyList<ResponsiblePerson> Persons,
    IReadOnlyList<Enterprise> Enterprises,
    DateTimeOffset RegisteredAt,
    int? Population = null) : IAggregate<Jurisdiction>
{
    /// <summary>The area as GeoJSON: the boundary when known, else the derived one (null while none could be derived).</summary>
    public string? Area => Boundary ?? DerivedArea;

    /// <summary>True when the area is derived from seats rather than drawn.</summary>
    public bool Approximate => Boundary is null;

    public JurisdictionRef ToRef() => new(Id, Name, Level, ParentId, AgencyId);

    public static Jurisdiction? After(Jurisdiction? jurisdiction, IEvent e) => (jurisdiction, e.Data) switch
    {
        (_, JurisdictionRegistered registered) => JurisdictionEvolution.Create(registered, e.Timestamp),
        (Jurisdiction current, var data) => JurisdictionEvolution.Evolve(current, data),
        _ => null,
    };
}

/// <summary>How a jurisdiction follows from its events; pure.</summary>
public static class JurisdictionEvolution
{
    public static Jurisdiction Create(JurisdictionRegistered e, DateTimeOffset at) =>
        new(e.JurisdictionId, e.Name, e.Level, e.ParentId, e.AgencyId, e.Boundary, e.Seat, null, [], [], at, e.Population);

    public static Jurisdiction Evolve(Jurisdiction jurisdiction, object @event) => @event switch
    {
        JurisdictionAreaDerived derived => jurisdiction with { DerivedArea = derived.Area },
        JurisdictionSeatMoved moved => jurisdiction with { Seat = moved.Seat },
        ResponsiblePersonsSet set => jurisdiction with { Persons = set.Persons },
        EnterpriseRegistered registered => jurisdiction with
        {
            Enterprises = [.. jurisdiction.Enterprises, new Enterprise(registered.EnterpriseId, registered.Name, registered.Location, registered.Persons)],
        },
        EnterprisePersonsSet set => jurisdiction with
        {
            Enterprises = [.. jurisdiction.Enterprises.Select(x => x.Id == set.EnterpriseId ? x with { Persons = set.Persons } : x)],
        },
        _ => jurisdiction,
    };
}
