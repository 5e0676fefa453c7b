using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Units;
using Muster.Readiness;
using Muster.Readiness.MoveUp;
using Muster.Readiness.MoveUp.Approving;
using Muster.Units;

namespace Muster.Api.Readiness;

public sealed class MoveUpSuggestionType : ObjectGraphType<MoveUpSuggestion>
{
    public MoveUpSuggestionType()
    {
        Name = "MoveUpSuggestion";
        Description = "Suggested move-ups and what they achieve together. Shares are of the total demand weight.";
        Field<NonNullGraphType<StringGraphType>>("capability").Resolve(c => c.Source.Capability);
        Field<NonNullGraphType<IntGraphType>>("withinSeconds").Resolve(c => c.Source.WithinSeconds);
        Field<NonNullGraphType<IntGraphType>>("maxMoves").Resolve(c => c.Source.MaxMoves);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoveUpType>>>>("moves")
            .Description("The moves, the one that recovers the most first; empty when no move covers more.")
            .Resolve(c => c.Source.Moves.Select(m => new MoveInSuggestion(m, c.Source)).ToList());
        Field<NonNullGraphType<FloatGraphType>>("totalWeight").Resolve(c => c.Source.TotalWeight);
        Field<NonNullGraphType<FloatGraphType>>("coveredWeightShareBefore").Description("Covered weight share as the units stand.").Resolve(c => c.Source.CoveredWeightShareBefore);
        Field<NonNullGraphType<FloatGraphType>>("coveredWeightShareAfter").Description("Covered weight share once every move has arrived.").Resolve(c => c.Source.CoveredWeightShareAfter);
        Field<NonNullGraphType<BooleanGraphType>>("optimal").Description("True when no set of at most maxMoves moves covers more (proven).").Resolve(c => c.Source.Optimal);
        Field<NonNullGraphType<FloatGraphType>>("boundWeightShare").Description("A proven upper bound on the covered weight share any moves reach.").Resolve(c => c.Source.BoundWeightShare);
        Field<NonNullGraphType<FloatGraphType>>("gapShare").Description("boundWeightShare − coveredWeightShareAfter when not proven optimal, else 0.").Resolve(c => c.Source.GapShare);
        Field<NonNullGraphType<MoveUpMethodType>>("method").Resolve(c => c.Source.Method);
        Field<NonNullGraphType<IntGraphType>>("demandPoints").Description("Demand points considered.").Resolve(c => c.Source.DemandPoints);
        Field<NonNullGraphType<IntGraphType>>("availableUnits").Description("AVAILABLE units with the capability.").Resolve(c => c.Source.Units);
        Field<NonNullGraphType<IntGraphType>>("posts").Description("Candidate posts, places that coincide counted once.").Resolve(c => c.Source.Posts);
        Field<NonNullGraphType<FloatGraphType>>("elapsedMilliseconds").Resolve(c => Math.Round(c.Source.ElapsedMilliseconds, 1));
    }
}

public sealed class MoveUpType : ObjectGraphType<MoveInSuggestion>
{
    public MoveUpType()
    {
        Name = "MoveUp";
        Description = "One suggested move: the unit, the post it goes to, the drive, and the demand points it brings within the limit.";
        Field<NonNullGraphType<RescueUnitType>>("unit").Resolve(c => c.Source.Move.Unit);
        Field<NonNullGraphType<MovePostType>>("to").Resolve(c => c.Source.Move.Post);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.Move.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Description("The drive to the post, by the unit's ETA model.").Resolve(c => c.Source.Move.EtaSeconds);
        Field<NonNullGraphType<FloatGraphType>>("coverageGain")
            .Description("Share of the total demand weight this move newly covers (a point two moves reach counts for the first).").Resolve(c => c.Source.Move.CoverageGain);
        Field<NonNullGraphType<FloatGraphType>>("recoveredWeight").Resolve(c => c.Source.Move.RecoveredWeight);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoveUpPointType>>>>("recovers").Description("The demand points this move newly covers.").Resolve(c => c.Source.Move.Recovers);
        Field<NonNullGraphType<MoveUpSuggestionType>>("suggestion")
            .Description("The whole suggestion this move is part of: coverage before and after all its moves, optimality, gap to the bound.")
            .Resolve(c => c.Source.Suggestion);
    }
}

public sealed class MovePostType : ObjectGraphType<MovePost>
{
    public MovePostType()
    {
        Name = "MovePost";
        Description = "A place a unit may be moved up to: an open depot, a township seat, or a unit's home station.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Give it to approveMoveUp.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<MovePostKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => c.Source.Location);
    }
}

public sealed class MoveUpPointType : ObjectGraphType<DemandPoint>
{
    public MoveUpPointType()
    {
        Name = "MoveUpPoint";
        Description = "A demand point a move brings within the limit: a hazard site, a township or village seat.";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<FloatGraphType>>("weight").Resolve(c => c.Source.Weight);
    }
}

public sealed class MovingUpType : ObjectGraphType<MovingUp>
{
    public MovingUpType()
    {
        Name = "MovingUp";
        Description = "Where a unit moving up is going and when it is expected there.";
        Field<NonNullGraphType<IdGraphType>>("postId").Resolve(c => c.Source.PostId);
        Field<NonNullGraphType<StringGraphType>>("postName").Resolve(c => c.Source.PostName);
        Field<NonNullGraphType<GeoPointType>>("post").Resolve(c => c.Source.Post);
        Field<NonNullGraphType<DateTimeScalar>>("since").Resolve(c => c.Source.Since);
        Field<NonNullGraphType<DateTimeScalar>>("expectedAt").Resolve(c => c.Source.ExpectedAt);
    }
}

public sealed class MoveUpApprovalType : ObjectGraphType<MoveUpApproval>
{
    public MoveUpApprovalType()
    {
        Name = "MoveUpApproval";
        Description = "An approved move-up: the units on their way.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.MoveUpId.ToString());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApprovedMoveType>>>>("moves").Resolve(c => c.Source.Moves);
    }
}

public sealed class ApprovedMoveType : ObjectGraphType<ApprovedMove>
{
    public ApprovedMoveType()
    {
        Name = "ApprovedMove";
        Field<NonNullGraphType<RescueUnitType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<MovePostType>>("to").Resolve(c => c.Source.Post);
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
        Field<NonNullGraphType<DateTimeScalar>>("expectedAt").Resolve(c => c.Source.ExpectedAt);
    }
}

public sealed class MovePostKindType : EnumerationGraphType<PostKind>
{
    public MovePostKindType() => Name = "MovePostKind";
}

public sealed class MoveUpMethodType : EnumerationGraphType<MoveUpMethod>
{
    public MoveUpMethodType() => Name = "MoveUpMethod";
}
