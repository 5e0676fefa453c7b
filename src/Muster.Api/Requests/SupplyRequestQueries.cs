using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Subscriptions;
using Muster.Requests;

namespace Muster.Api.Requests;

/// <summary>Supply requests, newest first; a partner sees its own agency's only — in lists, through node, and live.</summary>
public static class SupplyRequestQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<SupplyRequestType, EdgeType<SupplyRequestType>>>>("supplyRequests")
            .Description("Supply requests, newest first, by status and requesting agency; a partner sees its own agency's.")
            .Argument<SupplyRequestStatusType>("status")
            .Argument<IdGraphType>("agencyId")
            .Paged()
            .ResolveAsync(async context =>
            {
                var requests = context.RequestServices!.GetRequiredService<IQuerySession>().Query<SupplyRequest>().VisibleTo(Visibility.Viewer(context));
                if (RequestedAgency(context) is { } agency)
                {
                    requests = requests.Where(r => r.AgencyId == agency);
                }

                if (context.GetArgument<SupplyRequestStatus?>("status") is { } status)
                {
                    requests = requests.Where(r => r.Status == status);
                }

                return await Connections.ResolveAsync(context, requests.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id));
            });

    /// <summary>The <c>agencyId</c> argument; an id that is not an agency's matches nothing.</summary>
    private static Guid? RequestedAgency(IResolveFieldContext context) =>
        context.GetArgument<string?>("agencyId") is { } id ? GlobalId.Of(GlobalId.Agency, id) ?? Guid.Empty : null;
}

public static class SupplyRequestChangedSubscription
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<SupplyRequestType>>("supplyRequestChanged")
            .Description("Each supply request as it is after a committed change, on any instance; a partner hears of its own agency's only.")
            .Argument<SupplyRequestStatusType>("status", "Only requests that are now in this status.")
            .ResolveStream(context =>
            {
                var status = context.GetArgument<SupplyRequestStatus?>("status");
                return ChangeSubscription.Of<SupplyRequest>(context, SupplyRequestType.TypeName, r => status is null || r.Status == status);
            });
}
