using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Interop.Tooling;

namespace Muster.Api.GraphQL;

public sealed class MusterSchema : Schema
{
    public MusterSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Description = "Muster: pooled emergency supplies, rescue units and experts, and dispatch for a city's emergency management bureau and its partner agencies.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeScalar));

        // Current tools' introspection asks for isRepeatable, includeDeprecated on arguments and specifiedByURL.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        RegisterVisitor(new CurrentIntrospection());
    }
}
