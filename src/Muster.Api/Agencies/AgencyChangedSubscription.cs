using GraphQL.Types;
using Muster.Agencies;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Subscriptions;

namespace Muster.Api.Agencies;

public static class AgencyChangedSubscription
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<AgencyType>>("agencyChanged")
            .Description("Each agency as it is after a committed change to it (registered, updated), on any instance of the service.")
            .ResolveStream(context => ChangeSubscription.Of<Agency>(context, GlobalId.Agency));
}
