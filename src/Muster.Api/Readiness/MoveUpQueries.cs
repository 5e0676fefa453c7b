using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Muster.Infrastructure;
using Muster.Readiness.MoveUp;

namespace Muster.Api.Readiness;

/// <summary>Which available units to move to which posts to cover the most demand weight. The bureau's: admin and commanders.</summary>
public static class MoveUpQueries
{
    private const string What =
        "Which AVAILABLE units with the capability to move to which posts (open depots, township seats, the home stations of units "
        + "with the capability) so that the most demand weight (hazard sites, township and village seats) is reached within "
        + "withinSeconds by the ETA model of nearestUnits, with at most maxMoves moves (1..10). Solved as an "
        + "integer program (exact, proven optimal unless its time limit cut it short); past its size, greedy with the gap to a proven bound. "
        + "Records nothing: approveMoveUp does. Admin and commander.";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoveUpType>>>>("suggestMoveUp")
            .Description(What + " Each move carries the whole suggestion it belongs to (coverage before and after, optimality, gap).")
            .MoveUpArguments()
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var suggestion = await SuggestAsync(context);
                return suggestion.Moves.Select(m => new MoveInSuggestion(m, suggestion)).ToList();
            });

        query.Field<NonNullGraphType<MoveUpSuggestionType>>("moveUpSuggestion")
            .Description(What + " The same answer as suggestMoveUp as one object: the moves and what they achieve together, also when no move helps.")
            .MoveUpArguments()
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context => await SuggestAsync(context));
    }

    private static FieldBuilder<object?, object> MoveUpArguments(this FieldBuilder<object?, object> field) => field
        .Argument<NonNullGraphType<StringGraphType>>("capability", "A capability tag, e.g. mine-rescue.")
        .Argument<NonNullGraphType<IntGraphType>>("withinSeconds", $"The time limit, 60..{MoveUpAdvisor.MaxWithinSeconds} seconds.")
        .Argument<NonNullGraphType<IntGraphType>>("maxMoves", $"At most this many moves, 1..{MoveUpAdvisor.MaxMoves}.");

    private static async Task<MoveUpSuggestion> SuggestAsync(IResolveFieldContext context)
    {
        var advisor = context.RequestServices!.GetRequiredService<MoveUpAdvisor>();
        var result = await advisor.SuggestAsync(
            new SuggestMoveUp(context.GetArgument<string>("capability"), context.GetArgument<int>("withinSeconds"), context.GetArgument<int>("maxMoves")),
            context.CancellationToken);
        return result.Succeeded
            ? result.Value!
            : throw new ExecutionError($"{result.Errors[0].Field}: {result.Errors[0].Message}") { Code = result.Errors[0].Code };
    }
}

/// <summary>A suggested move with the suggestion it is part of.</summary>
public sealed record MoveInSuggestion(SuggestedMove Move, MoveUpSuggestion Suggestion);
