using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Experts.ChangingAvailability;
using Muster.Experts.Registering;
using Muster.Infrastructure;

namespace Muster.Api.Experts;

public static class ExpertMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ExpertPayloadType.Register>>("registerExpert")
            .Description("Registers an expert or expert team at its base. Admin, or a partner for its own agency.")
            .Argument<NonNullGraphType<RegisterExpertInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Partner)
            .ResolveAsync(Mutation.Run((RegisterExpertHandler experts, RegisterExpertInput input, CancellationToken ct) => experts.Handle(
                new RegisterExpert(input.Name, input.Kind, input.Specialties, input.Contact, input.Location,
                    GlobalId.Of(GlobalId.Agency, input.AgencyId) ?? Guid.Empty, input.OnCall), ct)));

        mutation.Field<NonNullGraphType<ExpertPayloadType.ChangeAvailability>>("changeExpertAvailability")
            .Description("Marks an expert AVAILABLE, ENGAGED or OFF_DUTY. Admin, commander, or a partner for its own experts.")
            .Argument<NonNullGraphType<ChangeExpertAvailabilityInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(ExpertType.Existing, i => i.ExpertId,
                (ChangeExpertAvailabilityHandler experts, Guid expertId, ChangeExpertAvailabilityInput input, CancellationToken ct) =>
                    experts.Handle(new ChangeExpertAvailability(expertId, input.Availability, input.Reason), ct)));
    }
}

public static class ExpertPayloadType
{
    public sealed class Register() : PayloadType<ExpertType>("RegisterExpertPayload", "expert", "The registered expert, or why nothing was registered.");

    public sealed class ChangeAvailability() : PayloadType<ExpertType>("ChangeExpertAvailabilityPayload", "expert", "The expert in its new availability, or why it did not change.");
}
