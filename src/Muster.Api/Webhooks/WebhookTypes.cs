using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Webhooks;
using Muster.Webhooks.Registering;

namespace Muster.Api.Webhooks;

public sealed class WebhookType : ObjectGraphType<Webhook>
{
    public const string TypeName = "Webhook";

    public WebhookType()
    {
        Name = TypeName;
        Description = "A partner system's URL that receives signed POSTs (Standard Webhooks) when the changes it asked for are committed.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<AgencyType>>("agency").Resolve(c => AgencyNodeSource.Loader(c.RequestServices!).Load(c.Source.AgencyId));
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookKindType>>>>("kinds").Resolve(c => c.Source.Kinds);
        Field<AreaType>("incidentArea").Description("Where the incidents it hears of lie (INCIDENTS only).").Resolve(c => c.Source.IncidentArea);
        Field<NonNullGraphType<DateTimeScalar>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
        Field<DateTimeScalar>("removedAt").Description("Null while deliveries are made.").Resolve(c => c.Source.RemovedAt);
    }
}

public sealed class WebhookKindType : EnumerationGraphType<WebhookKind>
{
    public WebhookKindType()
    {
        Name = "WebhookKind";
        Description = "UNITS: changes of the agency's own rescue units; REQUESTS: of the supply requests it made; INCIDENTS: of incidents inside the webhook's incidentArea (until jurisdictions exist, the area stands for the agency's jurisdiction).";
    }
}

public sealed class AreaType : ObjectGraphType<Area>
{
    public AreaType()
    {
        Name = "Area";
        Description = "A rectangle in WGS84 degrees.";
        Field<NonNullGraphType<FloatGraphType>>("west").Resolve(c => c.Source.West);
        Field<NonNullGraphType<FloatGraphType>>("south").Resolve(c => c.Source.South);
        Field<NonNullGraphType<FloatGraphType>>("east").Resolve(c => c.Source.East);
        Field<NonNullGraphType<FloatGraphType>>("north").Resolve(c => c.Source.North);
    }
}

public sealed class WebhookDeliveryType : ObjectGraphType<WebhookDelivery>
{
    public WebhookDeliveryType()
    {
        Name = "WebhookDelivery";
        Description = "One change sent, or to be sent, to one webhook, with its attempts.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The webhook-id header: the same on every attempt.").Resolve(c => c.Source.MessageId);
        Field<NonNullGraphType<StringGraphType>>("type").Description("unit.changed, supply_request.changed or incident.changed.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<WebhookDeliveryStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeScalar>("nextAttemptAt").Description("When it is tried again; null once delivered or given up.").Resolve(c => c.Source.NextAttemptAt);
        Field<DateTimeScalar>("lastAttemptAt").Resolve(c => c.Source.LastAttemptAt);
        Field<IntGraphType>("lastStatus").Description("The HTTP status the receiver last answered; null when it could not be reached.").Resolve(c => c.Source.LastStatus);
        Field<StringGraphType>("lastError").Resolve(c => c.Source.LastError);
        Field<DateTimeScalar>("deliveredAt").Resolve(c => c.Source.DeliveredAt);
        Field<NonNullGraphType<StringGraphType>>("payload").Description("The JSON body, exactly as signed and sent.").Resolve(c => c.Source.Payload);
    }
}

public sealed class WebhookDeliveryStatusType : EnumerationGraphType<WebhookDeliveryStatus>
{
    public WebhookDeliveryStatusType()
    {
        Name = "WebhookDeliveryStatus";
        Description = "PENDING: not delivered yet (see nextAttemptAt); DELIVERED: the receiver answered 2xx; FAILED: given up.";
    }
}

/// <summary>The answer of registerWebhook: the webhook and, this once, its signing secret.</summary>
public sealed class RegisterWebhookPayloadType() : SecretPayloadType<WebhookType, RegisteredWebhook>(
    "RegisterWebhookPayload", "webhook", "The registered webhook and its signing secret (shown only here), or why nothing was registered.",
    "whsec_… : verify each delivery's webhook-signature with it (Standard Webhooks). Keep it now; it is not shown again.",
    registered => registered.Webhook, registered => registered.Secret);

public sealed class RemoveWebhookPayloadType()
    : PayloadType<WebhookType>("RemoveWebhookPayload", "webhook", "The removed webhook, or why nothing changed.");
