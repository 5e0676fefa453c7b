using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Units;
using Muster.Infrastructure;
using Muster.Readiness.MoveUp;
using Muster.Readiness.MoveUp.Approving;

namespace Muster.Api.Readiness;

public static class MoveUpMutations
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ApproveMoveUpPayloadType>>("approveMoveUp")
            .Description("Approves move-up moves (as suggestMoveUp gives them): each unit becomes EN_ROUTE to its post and AVAILABLE there on "
                + "arrival (at its expected time, or when it reports a position at the post). All or nothing: a unit no longer AVAILABLE is CONFLICT "
                + "on its move, and nothing is recorded. Admin and commander.")
            .Argument<NonNullGraphType<ApproveMoveUpInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.Run((ApproveMoveUpHandler moves, ApproveMoveUpInput input, CancellationToken ct) => moves.Handle(
                new ApproveMoveUp(input.Moves.Select(m => new MoveOrder(GlobalId.Of(RescueUnitType.TypeName, m.UnitId) ?? Guid.Empty, m.PostId)).ToList()), ct)));
}

public sealed class ApproveMoveUpPayloadType() : PayloadType<MoveUpApprovalType>("ApproveMoveUpPayload", "moveUp", "The approved move-up, or why nothing was recorded.");

public sealed record ApproveMoveUpInput(IReadOnlyList<MoveOrderInput> Moves);

public sealed record MoveOrderInput(string UnitId, string PostId);

public sealed class ApproveMoveUpInputType : InputObjectGraphType<ApproveMoveUpInput>
{
    public ApproveMoveUpInputType()
    {
        Name = "ApproveMoveUpInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoveOrderInputType>>>>("moves").Description($"1 to {MoveUpAdvisor.MaxMoves} moves, a unit at most once.");
    }
}

public sealed class MoveOrderInputType : InputObjectGraphType<MoveOrderInput>
{
    public MoveOrderInputType()
    {
        Name = "MoveOrderInput";
        Field<NonNullGraphType<IdGraphType>>("unitId");
        Field<NonNullGraphType<IdGraphType>>("postId").Description("A MovePost id from suggestMoveUp.");
    }
}
