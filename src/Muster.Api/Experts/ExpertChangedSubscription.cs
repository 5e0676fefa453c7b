using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Subscriptions;
using Muster.Experts;

namespace Muster.Api.Experts;

public static class ExpertChangedSubscription
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<ExpertType>>("expertChanged")
            .Description("Each expert as it is after a committed change to it (registered, availability changed), on any instance; a partner hears of its own agency's.")
            .Argument<StringGraphType>("specialty", "Only experts with this tag.")
            .Argument<ExpertAvailabilityType>("availability", "Only experts that now have this availability.")
            .ResolveStream(context =>
            {
                var scope = ExpertSpatialQueries.Scope(context);
                return ChangeSubscription.Of<Expert>(context, ExpertType.TypeName, expert =>
                    (scope.Specialty is null || expert.Specialties.Contains(scope.Specialty))
                    && (scope.Availability is null || expert.Availability == scope.Availability));
            });
}
