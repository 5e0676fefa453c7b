using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions.Areas;
using Muster.Spatial;

namespace Muster.Jurisdictions.MovingSeat;

/// <summary>Moves (or first gives) the seat of a jurisdiction's government; areas derived from seats follow.</summary>
public sealed record MoveJurisdictionSeat(Guid JurisdictionId, GeoPoint Seat);

public static class MoveJurisdictionSeatDecision
{
    /// <param name="siblings">The other jurisdictions under the same parent.</param>
    public static Result<JurisdictionSeatMoved?> Decide(
        Jurisdiction? jurisdiction, MoveJurisdictionSeat command, Actor actor, Jurisdiction? parent, IReadOnlyList<Jurisdiction> siblings)
    {
        if (jurisdiction is null)
        {
            return DomainError.NotFound("no such jurisdiction", "jurisdictionId");
        }

        if (!JurisdictionRules.MayKeepNetwork(actor))
        {
            return new DomainError(ErrorCodes.Forbidden, "seats are moved by admin or commanders", "jurisdictionId");
        }

        var seat = command.Seat;
        if (GeoPoint.Check(seat.Lat, seat.Lon, "seat") is { } off)
        {
            return off;
        }

        if (jurisdiction.Seat == seat)
        {
            return Result<JurisdictionSeatMoved?>.Ok(null);
        }

        if (jurisdiction.Boundary is { } boundary && !JurisdictionGeometry.Read(boundary).Covers(seat.ToPoint()))
        {
            return DomainError.Validation($"seat lies outside {jurisdiction.Name}'s boundary", "seat");
        }

        if (parent?.Area is { } parentArea && !JurisdictionGeometry.Read(parentArea).Covers(seat.ToPoint()))
        {
            return DomainError.Validation($"seat lies outside {parent.Name}, the parent it belongs to", "seat");
        }

        if (jurisdiction.Boundary is null)
        {
            foreach (var sibling in siblings.Where(s => s.Id != jurisdiction.Id))
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
        }

        return new JurisdictionSeatMoved(jurisdiction.Id, seat);
    }
}

public sealed class MoveJurisdictionSeatHandler(EventWriter writer)
{
    public Task<Result<Jurisdiction>> Handle(MoveJurisdictionSeat command, CancellationToken ct) =>
        writer.WriteAsync<Jurisdiction>(
            async (session, actor, token) =>
            {
                var current = command.JurisdictionId == Guid.Empty ? null : await session.LoadAsync<Jurisdiction>(command.JurisdictionId, token);
                var parent = current?.ParentId is { } parentId
                    ? (await session.Events.FetchForExclusiveWriting<Jurisdiction>(parentId, token)).Aggregate
                    : null;
                var stream = current is null ? null : await session.Events.FetchForWriting<Jurisdiction>(current.Id, token);
                IReadOnlyList<Jurisdiction> siblings = parent is null
                    ? []
                    : await session.Query<Jurisdiction>().Where(j => j.ParentId == parent.Id).ToListAsync(token);

                var decision = MoveJurisdictionSeatDecision.Decide(stream?.Aggregate, command, actor, parent, siblings);
                if (!decision.Succeeded)
                {
                    return Result<Written<Jurisdiction>>.Fail(decision.Errors);
                }

                if (decision.Value is not { } moved)
                {
                    return Written.To(stream!);
                }

                stream!.AppendOne(moved);
                var after = JurisdictionEvolution.Evolve(stream.Aggregate!, moved);
                var derived = parent is null || after.Boundary is not null
                    ? []
                    : await AreaKeeper.RederiveAsync(session, parent, new Dictionary<Guid, Jurisdiction> { [after.Id] = after }, token);
                foreach (var e in derived)
                {
                    if (e.JurisdictionId == after.Id)
                    {
                        stream.AppendOne(e);
                    }
                    else
                    {
                        session.Events.Append(e.JurisdictionId, e);
                    }
                }

                return Written.To(stream);
            },
            JurisdictionRules.Conflict, ct);
}
