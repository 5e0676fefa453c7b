using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Webhooks;
using Muster.Webhooks.Registering;
using Muster.Webhooks.Removing;

namespace Muster.Api.Webhooks;

public static class WebhookMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RegisterWebhookPayloadType>>("registerWebhook")
            .Description("Registers a URL that receives the agency's chosen changes as signed POSTs. A partner for its own agency, an admin for any.")
            .Argument<NonNullGraphType<RegisterWebhookInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RegisterWebhookInput>("input");
                if (GlobalId.Of(GlobalId.Agency, input.AgencyId) is not { } agencyId)
                {
                    return Payload.NotFound("agency", "agencyId");
                }

                var handler = context.RequestServices!.GetRequiredService<RegisterWebhookHandler>();
                return Payload.From(await handler.Handle(
                    new RegisterWebhook(agencyId, input.Url, input.Kinds, input.IncidentArea), context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<RemoveWebhookPayloadType>>("removeWebhook")
            .Description("Stops deliveries to a webhook; its pending deliveries are given up. A partner for its own agency, an admin for any.")
            .Argument<NonNullGraphType<RemoveWebhookInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RemoveWebhookInput>("input");
                if (GlobalId.Of(WebhookType.TypeName, input.WebhookId) is not { } webhookId)
                {
                    return Payload.NotFound("webhook", "webhookId");
                }

                var handler = context.RequestServices!.GetRequiredService<RemoveWebhookHandler>();
                return Payload.From(await handler.Handle(new RemoveWebhook(webhookId), context.CancellationToken));
            });
    }
}

public sealed record RegisterWebhookInput(string AgencyId, string Url, IReadOnlyList<WebhookKind> Kinds, Area? IncidentArea);

public sealed class RegisterWebhookInputType : InputObjectGraphType<RegisterWebhookInput>
{
    public RegisterWebhookInputType()
    {
        Name = "RegisterWebhookInput";
        Field<NonNullGraphType<IdGraphType>>("agencyId").Description("The agency whose changes it receives.");
        Field<NonNullGraphType<StringGraphType>>("url").Description("An absolute https URL (http only where the service allows it, e.g. on a developer's machine).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookKindType>>>>("kinds").Description("The kinds of change it wants; at least one.");
        Field<Incidents.AreaInputType>("incidentArea").Description("Required with INCIDENTS: the rectangle whose incidents it hears of.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new RegisterWebhookInput(
            (string)value["agencyId"]!,
            (string)value["url"]!,
            ((IEnumerable<object?>)value["kinds"]!).Cast<WebhookKind>().ToList(),
            value.TryGetValue("incidentArea", out var area) && area is Incidents.Area box ? new Area(box.West, box.South, box.East, box.North) : null);
}

public sealed record RemoveWebhookInput(string WebhookId);

public sealed class RemoveWebhookInputType : InputObjectGraphType<RemoveWebhookInput>
{
    public RemoveWebhookInputType()
    {
        Name = "RemoveWebhookInput";
        Field<NonNullGraphType<IdGraphType>>("webhookId");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new RemoveWebhookInput((string)value["webhookId"]!);
}
