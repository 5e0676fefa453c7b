using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.Experts;
using Muster.Api.Incidents;
using Muster.Api.Requests;
using Muster.Api.Supplies;
using Muster.Api.Units;

namespace Muster.Api.GraphQL;

/// <summary>
/// The subscription root, served over the WebSocket at /graphql (graphql-transport-ws): each capability
/// adds its live updates, fed by committed changes (see <see cref="Subscriptions.ChangeSubscription"/>).
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        AgencyChangedSubscription.AddTo(this);
        ExpertChangedSubscription.AddTo(this);
        UnitChangedSubscription.AddTo(this);
        IncidentChangedSubscription.AddTo(this);
        StockChangedSubscription.AddTo(this);
        SupplyRequestChangedSubscription.AddTo(this);
    }
}
