using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Experts.ChangingAvailability;

public sealed record ChangeExpertAvailability(Guid ExpertId, ExpertAvailability Availability, string? Reason);

public static class ChangeExpertAvailabilityDecision
{
    public const int MaxReasonLength = 500;

    public static Result<ExpertAvailabilityChanged> Decide(Expert? expert, ChangeExpertAvailability command, Actor actor)
    {
        if (expert is null)
        {
            return DomainError.NotFound("no such expert", "expertId");
        }

        if (actor.Role == Role.Partner && actor.AgencyId != expert.AgencyId)
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner changes experts of its own agency only", "expertId");
        }

        var reason = command.Reason?.Trim();
        if (reason?.Length > MaxReasonLength)
        {
            return DomainError.Validation($"reason must have at most {MaxReasonLength} characters", "reason");
        }

        if (!ExpertAvailabilityTransitions.IsAllowed(expert.Availability, command.Availability))
        {
            var allowed = string.Join(", ", ExpertAvailabilityTransitions.From(expert.Availability).Select(a => ApiName.Of(a)));
            return DomainError.InvalidState($"the expert is already {ApiName.Of(expert.Availability)}; it can become {allowed}", "availability");
        }

        return new ExpertAvailabilityChanged(expert.Id, expert.Availability, command.Availability, string.IsNullOrEmpty(reason) ? null : reason);
    }
}

public sealed class ChangeExpertAvailabilityHandler(EventWriter writer)
{
    public Task<Result<Expert>> Handle(ChangeExpertAvailability command, CancellationToken ct) =>
        writer.ChangeAsync<Expert, ExpertAvailabilityChanged>(command.ExpertId,
            (expert, actor) => ChangeExpertAvailabilityDecision.Decide(expert, command, actor),
            DomainError.Conflict("the expert changed meanwhile; read it again and retry", "expertId"), ct);
}
