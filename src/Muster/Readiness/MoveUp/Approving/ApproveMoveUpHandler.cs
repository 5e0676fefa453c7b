using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Spatial;
using Muster.Units;

namespace Muster.Readiness.MoveUp.Approving;

/// <summary>
/// Fetches the units for writing in id order, decides, appends to every unit's stream and commits in one transaction.
/// A lost race decides again on fresh state, so a CONFLICT answer means a unit really was taken meanwhile.
/// </summary>
public sealed class ApproveMoveUpHandler(EventWriter writer, MovePosts posts, EtaModel eta, MoveUpOptions options, TimeProvider time)
{
    public async Task<Result<MoveUpApproval>> Handle(ApproveMoveUp command, CancellationToken ct)
    {
        if (ApproveMoveUpDecision.Check(command) is { } invalid)
        {
            return invalid;
        }

        var found = await posts.FindAsync(command.Moves.Select(m => m.PostId), ct);
        var moveUpId = Guid.CreateVersion7();
        return await writer.RunAsync<MoveUpApproval>(
            async (session, _, token) =>
            {
                var streams = await session.FetchForWritingAsync<RescueUnit>(command.Moves.Select(m => m.UnitId).Where(id => id != Guid.Empty), token);
                var decision = ApproveMoveUpDecision.Decide(command, streams.Aggregates(), found, moveUpId, eta, options.SamePlaceMeters, time.GetUtcNow());
                if (!decision.Succeeded)
                {
                    return Result<MoveUpApproval>.Fail(decision.Errors);
                }

                var approved = new List<ApprovedMove>();
                foreach (var (status, moving) in decision.Value!)
                {
                    var stream = streams[moving.UnitId];
                    stream.AppendMany(status, moving);
                    var unit = UnitEvolution.Evolve(UnitEvolution.Evolve(stream.Aggregate!, status), moving);
                    approved.Add(new ApprovedMove(unit, found[moving.PostId], moving.EtaSeconds, moving.ExpectedAt));
                }

                return new MoveUpApproval(moveUpId, approved);
            },
            DomainError.Conflict("the units kept changing; suggest the move-up again", "moves"), ct, OnLostRace.DecideAgain);
    }
}
