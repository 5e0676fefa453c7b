using Marten;
using Muster.Agencies;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions.Areas;
using Muster.Spatial;

namespace Muster.Jurisdictions.Registering;

/// <param name="Boundary">GeoJSON Polygon or MultiPolygon, when the boundary is known.</param>
/// <param name="Seat">The seat of its government: required without a boundary (the area is then derived from it).</param>
/// <param name="AgencyId">The agency that maintains it (a township's government), if not the bureau itself.</param>
/// <param name="Persons">Its responsible persons, when known at once.</param>
/// <param name="Population">Its resident population, when known (weighs its seat in readiness coverage).</param>
public sealed record RegisterJurisdiction(
    string Name, JurisdictionLevel Level, Guid? ParentId, string? Boundary, GeoPoint? Seat, Guid? AgencyId,
    IReadOnlyList<ResponsiblePerson>? Persons = null, int? Population = null);

public static class RegisterJurisdictionDecision
{
    /// <param name="parent">The parent named by the command, null when it names none or one that does not exist.</param>
    /// <param name="siblings">The jurisdictions already under the same parent (the counties, for a county).</param>
    public static Result<JurisdictionRegistered> Decide(
        RegisterJurisdiction command, Guid newId, Actor actor, Jurisdiction? parent, IReadOnlyList<Jurisdiction> siblings, bool agencyExists)
    {
        if (!JurisdictionRules.MayKeepNetwork(actor))
        {
            return new DomainError(ErrorCodes.Forbidden, "jurisdictions are registered by admin or commanders");
        }

        var checkedName = TextRules.Name(command.Name, "name", JurisdictionRules.MaxNameLength);
        if (!checkedName.Succeeded)
        {
            return Result<JurisdictionRegistered>.Fail(checkedName.Errors);
        }

        var name = checkedName.Value!;

        if (ParentError(command, parent) is { } parentError)
        {
            return parentError;
        }

        if (command.AgencyId is not null && !agencyExists)
        {
            return DomainError.NotFound("no such agency", "agencyId");
        }

        if (siblings.FirstOrDefault(s => s.Name == name) is { } namesake)
        {
            return DomainError.Conflict($"'{namesake.Name}' is already registered {Under(parent)}", "name");
        }

        if (command.Seat is { } seat && GeoPoint.Check(seat.Lat, seat.Lon, "seat") is { } badSeat)
        {
            return badSeat;
        }

        if (command.Population is < 0 or > JurisdictionRules.MaxPopulation)
        {
            return DomainError.Validation($"population must be between 0 and {JurisdictionRules.MaxPopulation}, got {command.Population}", "population");
        }

        if (command.Boundary is null)
        {
            return SeatOnly(command, newId, name, parent, siblings);
        }

        var parsed = JurisdictionGeometry.ParseArea(command.Boundary, "boundary");
        if (!parsed.Succeeded)
        {
            return Result<JurisdictionRegistered>.Fail(parsed.Errors);
        }

        var boundary = parsed.Value!;
        if (parent?.Area is { } parentArea && !JurisdictionGeometry.Within(boundary, JurisdictionGeometry.Read(parentArea)))
        {
            return DomainError.Validation($"boundary extends outside {parent.Name}, the parent it belongs to", "boundary");
        }

        if (command.Seat is { } ownSeat && !boundary.Covers(ownSeat.ToPoint()))
        {
            return DomainError.Validation("seat lies outside the boundary given", "seat");
        }

        foreach (var sibling in siblings)
        {
            if (sibling.Boundary is { } drawn && JurisdictionGeometry.Overlap(boundary, JurisdictionGeometry.Read(drawn)))
            {
                return DomainError.Validation($"boundary overlaps {sibling.Name}, registered {Under(parent)}", "boundary");
            }

            if (sibling.Boundary is null && sibling.Seat is { } siblingSeat && boundary.Covers(siblingSeat.ToPoint()))
            {
                return DomainError.Validation($"boundary covers the seat of {sibling.Name}, registered {Under(parent)}", "boundary");
            }
        }

        return new JurisdictionRegistered(
            newId, name, command.Level, parent?.Id, command.AgencyId, JurisdictionGeometry.Write(boundary), command.Seat, command.Population);
    }

    private static Result<JurisdictionRegistered> SeatOnly(
        RegisterJurisdiction command, Guid newId, string name, Jurisdiction? parent, IReadOnlyList<Jurisdiction> siblings)
    {
        if (command.Seat is not { } seat)
        {
            return DomainError.Validation("give a boundary (GeoJSON polygon) or, where none is known, a seat", "boundary");
        }

        if (parent is null)
        {
            return DomainError.Validation("a county needs its boundary: the areas below it are derived within it", "boundary");
        }

        if (parent.Area is { } parentArea && !JurisdictionGeometry.Read(parentArea).Covers(seat.ToPoint()))
        {
            return DomainError.Validation($"seat lies outside {parent.Name}, the parent it belongs to", "seat");
        }

        foreach (var sibling in siblings)
        {
            if (sibling.Boundary is { } drawn && JurisdictionGeometry.Read(drawn).Covers(seat.ToPoint()))
            {
                return DomainError.Validation($"seat lies inside {sibling.Name}, whose boundary is drawn", "seat");
            }

            if (sibling.Boundary is null && sibling.Seat is { } other && other.ApproximateMetersTo(seat) < 1)
            {
                return DomainError.Validation($"seat is where {sibling.Name}'s seat is", "seat");
            }
        }

        return new JurisdictionRegistered(newId, name, command.Level, parent.Id, command.AgencyId, null, seat, command.Population);
    }

    private static DomainError? ParentError(RegisterJurisdiction command, Jurisdiction? parent)
    {
        var wanted = JurisdictionRules.ParentLevel(command.Level);
        if (wanted is null)
        {
            return command.ParentId is null ? null : DomainError.Validation("a county has no parent", "parentId");
        }

        if (command.ParentId is null)
        {
            return DomainError.Validation($"a {Word(command.Level)} needs its parent, a {Word(wanted.Value)}", "parentId");
        }

        if (parent is null)
        {
            return DomainError.NotFound("no such jurisdiction", "parentId");
        }

        return parent.Level == wanted
            ? null
            : DomainError.Validation(
                $"a {Word(command.Level)} belongs to a {Word(wanted.Value)}, and {parent.Name} is a {Word(parent.Level)}", "parentId");
    }

    private static string Under(Jurisdiction? parent) => parent is null ? "as a county" : "under " + parent.Name;

    private static string Word(JurisdictionLevel level) => level.ToString().ToLowerInvariant();
}

public sealed class RegisterJurisdictionHandler(EventWriter writer)
{
    public Task<Result<Jurisdiction>> Handle(RegisterJurisdiction command, CancellationToken ct) =>
        writer.WriteAsync<Jurisdiction>(
            async (session, actor, token) =>
            {
                // Writers under one parent queue on its stream, so each derives areas from every seat before it.
                var parent = command.ParentId is { } parentId && await session.LoadAsync<Jurisdiction>(parentId, token) is not null
                    ? (await session.Events.FetchForExclusiveWriting<Jurisdiction>(parentId, token)).Aggregate
                    : null;
                IReadOnlyList<Jurisdiction> siblings = parent is null
                    ? await session.Query<Jurisdiction>().Where(j => j.ParentId == null).ToListAsync(token)
                    : await session.Query<Jurisdiction>().Where(j => j.ParentId == parent.Id).ToListAsync(token);
                var agencyExists = command.AgencyId is { } agencyId && await session.LoadAsync<Agency>(agencyId, token) is not null;

                var decision = RegisterJurisdictionDecision.Decide(command, Guid.CreateVersion7(), actor, parent, siblings, agencyExists);
                if (!decision.Succeeded)
                {
                    return Result<Written<Jurisdiction>>.Fail(decision.Errors);
                }

                var registered = decision.Value!;
                var persons = JurisdictionRules.Persons(command.Persons, "responsiblePersons");
                if (!persons.Succeeded)
                {
                    return Result<Written<Jurisdiction>>.Fail(persons.Errors);
                }

                var created = JurisdictionEvolution.Create(registered, default);
                var pending = new Dictionary<Guid, Jurisdiction> { [created.Id] = created };
                var derived = parent is null ? [] : await AreaKeeper.RederiveAsync(session, parent, pending, token);

                object[] staffed = persons.Value!.Count > 0 ? [new ResponsiblePersonsSet(registered.JurisdictionId, persons.Value!)] : [];
                var started = session.Events.StartStream<Jurisdiction>(
                    registered.JurisdictionId, [registered, .. derived.Where(d => d.JurisdictionId == registered.JurisdictionId), .. staffed]);
                foreach (var other in derived.Where(d => d.JurisdictionId != registered.JurisdictionId))
                {
                    session.Events.Append(other.JurisdictionId, other);
                }

                return Written.Started<Jurisdiction>(started);
            },
            JurisdictionRules.Conflict, ct);
}
