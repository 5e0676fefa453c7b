using Marten;
using Muster.Catalog;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Plans;
using Muster.Readiness.Coverage;

namespace Muster.Dispatch.Proposing;

/// <summary>
/// Ask for a proposal: from the incident's plan, or from the requirements given (then no plan is needed), without
/// the units, experts and depots in <see cref="Excluding"/> (the commander left them out).
/// </summary>
public sealed record ProposeDispatch(Guid IncidentId, Requirements? Requirements, IReadOnlyCollection<Guid>? Excluding = null);

public static class ProposeDispatchDecision
{
    /// <summary>
    /// What the proposal must cover, or why there is nothing to propose: a closed or unknown incident, bad
    /// requirements, items not in the catalog, no plan for the incident's kind and level.
    /// </summary>
    public static Result<Requirements> Requirements(Incident? incident, Requirements? given, Plan? plan, IReadOnlyCollection<string> unknownItems)
    {
        if (IncidentRules.MayChange(incident) is { } refused)
        {
            return refused;
        }

        if (given is null)
        {
            return plan?.Requirements
                ?? (Result<Requirements>)DomainError.NotFound(
                    $"no plan for {incident!.Kind} at level {incident.Level}: define one, or give requirements", "requirements");
        }

        var normalized = Plans.Requirements.Normalize(given);
        if (!normalized.Succeeded)
        {
            return normalized;
        }

        return unknownItems.FirstOrDefault() is { } unknown
            ? DomainError.NotFound($"no item {unknown} in the catalog", "requirements.supplies")
            : normalized;
    }

    /// <summary>An explicit requirement must name capabilities and specialties that someone carries.</summary>
    public static DomainError? Unknown(Requirements requirements, DispatchCandidates candidates)
    {
        var capability = requirements.Units.FirstOrDefault(u => !candidates.AnyUnitCarries(u.Capability));
        if (capability is not null)
        {
            return DomainError.NotFound($"no unit has the capability '{capability.Capability}'", "requirements.units");
        }

        var specialty = requirements.Experts.FirstOrDefault(e => !candidates.AnyExpertHas(e.Specialty));
        return specialty is null ? null : DomainError.NotFound($"no expert has the specialty '{specialty.Specialty}'", "requirements.experts");
    }
}

public sealed class ProposeDispatchHandler(EventWriter writer, DispatchCandidateFinder finder, DispatchCoverageCost coverage, TimeProvider time)
{
    public Task<Result<DispatchProposal>> Handle(ProposeDispatch command, CancellationToken ct) =>
        writer.RunAsync(
            async (session, actor, token) =>
            {
                var stream = await session.Events.FetchForWriting<Incident>(command.IncidentId, token);
                var incident = stream.Aggregate;
                var plan = incident is null || command.Requirements is not null
                    ? null
                    : await session.LoadAsync<Plan>(PlanId.Of(incident.Kind, incident.Level), token);
                var requirements = ProposeDispatchDecision.Requirements(
                    incident, command.Requirements, plan, await UnknownItemsAsync(session, command.Requirements, token));
                if (!requirements.Succeeded)
                {
                    return Result<DispatchProposal>.Fail(requirements.Errors);
                }

                // The coverage cost reads what it can while the candidates are found and the plan is made; it waits
                // for the plan only to know which units go.
                var sending = new TaskCompletionSource<IReadOnlyList<SentUnit>>(TaskCreationOptions.RunContinuationsAsynchronously);
                var costing = coverage.OfAsync([.. requirements.Value!.Units.Select(u => u.Capability)], sending.Task, token);
                try
                {
                    var candidates = await finder.FindAsync(incident!.Location, requirements.Value!, command.Excluding, token);
                    if (command.Requirements is not null && ProposeDispatchDecision.Unknown(requirements.Value!, candidates) is { } unknown)
                    {
                        return unknown;
                    }

                    var planned = DispatchPlanner.Plan(requirements.Value!, candidates);
                    sending.SetResult([.. planned.Units.Select(u => new SentUnit(u.UnitId, u.Capability))]);
                    var proposal = new DispatchProposal(Guid.CreateVersion7(), incident.Id, plan?.Id, plan?.Version, requirements.Value!,
                        planned.Units, planned.Supplies, planned.Experts, planned.Shortfalls, actor.Subject, time.GetUtcNow(), ProposalStatus.Proposed,
                        await costing);
                    stream.AppendOne(new DispatchProposed(incident.Id, proposal, incident.LatestProposalId));
                    return proposal;
                }
                finally
                {
                    await AbandonAsync(sending, costing);
                }
            },
            DomainError.Conflict("the incident changed while the proposal was made; propose again", "incidentId"),
            ct);

    /// <summary>A cost no plan came for (refused, or failed) is stopped and waited for, its outcome no longer wanted.</summary>
    private static async Task AbandonAsync(TaskCompletionSource<IReadOnlyList<SentUnit>> sending, Task costing)
    {
        if (!sending.TrySetCanceled())
        {
            return;
        }

        try
        {
            await costing;
        }
        catch (Exception)
        {
            // The proposal's own outcome (a refusal, or the exception that stopped it) is what the caller gets.
        }
    }

    private static async Task<IReadOnlyCollection<string>> UnknownItemsAsync(IQuerySession session, Requirements? given, CancellationToken ct)
    {
        var codes = given?.Supplies.Select(s => s.ItemCode.Trim()).Where(c => ItemCode.Check(c) is null).Distinct().ToList() ?? [];
        if (codes.Count == 0)
        {
            return [];
        }

        var known = (await session.LoadManyAsync<Item>(ct, codes.Select(ItemCode.StreamId))).Select(i => i.Code).ToHashSet();
        return codes.Where(c => !known.Contains(c)).ToList();
    }
}
