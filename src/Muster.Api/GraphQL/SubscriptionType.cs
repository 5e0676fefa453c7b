using GraphQL.Types;

namespace Muster.Api.GraphQL;

/// <summary>
/// The subscription root, served over the WebSocket at /graphql (graphql-transport-ws): the live updates each
/// capability registers (<see cref="RootFieldsRegistration.AddSubscriptionFields"/>), fed by committed changes
/// (see <see cref="Subscriptions.ChangeSubscription"/>).
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType(IEnumerable<RootFields> fields)
    {
        Name = "Subscription";
        this.AddFields(Root.Subscription, fields);
    }
}
