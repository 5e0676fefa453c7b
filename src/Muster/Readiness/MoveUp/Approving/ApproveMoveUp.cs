using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.ChangingStatus;

namespace Muster.Readiness.MoveUp.Approving;

public sealed record ApproveMoveUp(IReadOnlyList<MoveOrder> Moves);

public sealed record MoveOrder(Guid UnitId, string PostId);

/// <summary>A move as approved: the unit on its way and when it is expected at the post.</summary>
public sealed record ApprovedMove(RescueUnit Unit, MovePost Post, int EtaSeconds, DateTimeOffset ExpectedAt);

public sealed record MoveUpApproval(Guid MoveUpId, IReadOnlyList<ApprovedMove> Moves);

/// <summary>
/// Approving a move-up: every unit still AVAILABLE and at another place than its post, or nothing is recorded. Each
/// unit gets EN_ROUTE and the post with its expected arrival (<see cref="UnitMovingUp"/>).
/// </summary>
public static class ApproveMoveUpDecision
{
    public static DomainError? Check(ApproveMoveUp command)
    {
        if (command.Moves.Count is 0 or > MoveUpAdvisor.MaxMoves)
        {
            return DomainError.Validation($"moves must hold 1 to {MoveUpAdvisor.MaxMoves} moves, got {command.Moves.Count}", "moves");
        }

        var twice = command.Moves.Select((m, i) => (m, i)).GroupBy(x => x.m.UnitId).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? null : DomainError.Validation("a unit moves once in a move-up", $"moves[{twice.Skip(1).First().i}].unitId");
    }

    public static Result<IReadOnlyList<(UnitStatusChanged Status, UnitMovingUp Moving)>> Decide(
        ApproveMoveUp command, IReadOnlyDictionary<Guid, RescueUnit?> units, IReadOnlyDictionary<string, MovePost> posts,
        Guid moveUpId, EtaModel eta, double samePlaceMeters, DateTimeOffset now)
    {
        if (Check(command) is { } invalid)
        {
            return invalid;
        }

        var errors = new List<DomainError>();
        var events = new List<(UnitStatusChanged, UnitMovingUp)>();
        for (var i = 0; i < command.Moves.Count; i++)
        {
            var move = command.Moves[i];
            if (!posts.TryGetValue(move.PostId, out var post))
            {
                errors.Add(DomainError.NotFound($"no such post '{move.PostId}'", $"moves[{i}].postId"));
                continue;
            }

            if (units.GetValueOrDefault(move.UnitId) is not { } unit)
            {
                errors.Add(DomainError.NotFound("no such unit", $"moves[{i}].unitId"));
                continue;
            }

            if (unit.Status != UnitStatus.Available)
            {
                errors.Add(DomainError.Conflict($"{unit.Name} is no longer AVAILABLE (it is {ApiName.Of(unit.Status)}); suggest the move-up again", $"moves[{i}].unitId"));
                continue;
            }

            var meters = Ellipsoid.Meters(unit.Location, post.Location);
            if (meters < samePlaceMeters)
            {
                errors.Add(DomainError.Validation($"{unit.Name} is at {post.Name} already", $"moves[{i}].postId"));
                continue;
            }

            var seconds = eta.UnitSeconds(unit.Kind, meters);
            events.Add((new UnitStatusChanged(unit.Id, unit.Status, UnitStatus.EnRoute, $"move-up to {post.Name}"),
                new UnitMovingUp(unit.Id, moveUpId, post.Id, post.Name, post.Location, seconds, now.AddSeconds(seconds))));
        }

        return errors.Count > 0 ? Result<IReadOnlyList<(UnitStatusChanged, UnitMovingUp)>>.Fail(errors) : events;
    }
}
