using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Experts;
using Muster.Experts.ChangingAvailability;
using Muster.Experts.Registering;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Api.Experts;

public static class ExpertMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ExpertPayloadType.Register>>("registerExpert")
            .Description("Registers an expert or expert team at its base. Admin, or a partner for its own agency.")
            .Argument<NonNullGraphType<RegisterExpertInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var command = new RegisterExpert(
                    (string)input["name"]!, (ExpertKind)input["kind"]!,
                    ((IEnumerable<object?>)input["specialties"]!).Select(s => (string)s!).ToList(),
                    (string)input["contact"]!, (GeoPoint)input["location"]!,
                    GlobalId.Of(GlobalId.Agency, (string)input["agencyId"]!) ?? Guid.Empty,
                    input.GetValueOrDefault("onCall") as string);
                var handler = context.RequestServices!.GetRequiredService<RegisterExpertHandler>();
                return Payload.From(await handler.Handle(command, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<ExpertPayloadType.ChangeAvailability>>("changeExpertAvailability")
            .Description("Marks an expert AVAILABLE, ENGAGED or OFF_DUTY. Admin, commander, or a partner for its own experts.")
            .Argument<NonNullGraphType<ChangeExpertAvailabilityInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (GlobalId.Of(ExpertType.TypeName, (string)input["expertId"]!) is not { } expertId)
                {
                    return Payload.NotFound("expert", "expertId");
                }

                var command = new ChangeExpertAvailability(expertId, (ExpertAvailability)input["availability"]!, input.GetValueOrDefault("reason") as string);
                var handler = context.RequestServices!.GetRequiredService<ChangeExpertAvailabilityHandler>();
                return Payload.From(await handler.Handle(command, context.CancellationToken));
            });
    }
}

public static class ExpertPayloadType
{
    public sealed class Register() : PayloadType<ExpertType>("RegisterExpertPayload", "expert", "The registered expert, or why nothing was registered.");

    public sealed class ChangeAvailability() : PayloadType<ExpertType>("ChangeExpertAvailabilityPayload", "expert", "The expert in its new availability, or why it did not change.");
}
