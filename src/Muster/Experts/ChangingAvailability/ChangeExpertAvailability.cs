using JasperFx;
using Marten;
using Muster.Infrastructure;

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

public sealed class ChangeExpertAvailabilityHandler(IDocumentSession session, IActorAccessor actors)
{
    public async Task<Result<Expert>> Handle(ChangeExpertAvailability command, CancellationToken ct)
    {
        var actor = actors.Current ?? Actor.System;
        if (command.ExpertId == Guid.Empty)
        {
            // No expert has the empty id, and Marten refuses it as a stream id.
            return Result<Expert>.Fail(ChangeExpertAvailabilityDecision.Decide(null, command, actor).Errors);
        }

        var stream = await session.Events.FetchForWriting<Expert>(command.ExpertId, ct);
        var decision = ChangeExpertAvailabilityDecision.Decide(stream.Aggregate, command, actor);
        if (!decision.Succeeded)
        {
            return Result<Expert>.Fail(decision.Errors);
        }

        stream.AppendOne(decision.Value!);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return DomainError.Conflict("the expert changed meanwhile; read it again and retry", "expertId");
        }

        return ExpertEvolution.Evolve(stream.Aggregate!, decision.Value!);
    }
}
