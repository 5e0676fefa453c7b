using Muster.Api.GraphQL;

namespace Muster.Api.Duty;

public static class DutyGraph
{
    /// <summary>The duty roster: who is on duty, the roster's history, handovers, and the watch's reminders and gaps.</summary>
    public static IServiceCollection AddDutyGraph(this IServiceCollection services) => services
        .AddQueryFields(250, DutyQueries.AddTo)
        .AddMutationFields(200, DutyMutations.AddTo)
        .AddSubscriptionFields(80, DutySubscriptions.AddTo);
}
