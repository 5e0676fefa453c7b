using JasperFx.Events;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Plans;

/// <summary>
/// The emergency plan (应急预案) for one kind of incident at one response level: what a response needs, and how
/// often it is drilled. Defining it again makes a new version; a proposal records the version it followed.
/// </summary>
public sealed record Plan(
    Guid Id,
    IncidentKind Kind,
    ResponseLevel Level,
    int Version,
    string Name,
    Requirements Requirements,
    int? DrillIntervalDays,
    DateOnly? LastDrillOn,
    string? LastDrillNotes,
    DateOnly? RemindedFor,
    DateTimeOffset DefinedAt,
    DateTimeOffset UpdatedAt) : IAggregate<Plan>
{
    public static Plan? After(Plan? plan, IEvent e) =>
        plan is null && e.Data is not PlanDefined ? null : PlanEvolution.Evolve(plan, e.Data, e.Timestamp);

    /// <summary>When the next drill is due: an interval after the last drill, or after the plan was first defined.</summary>
    public DateOnly? NextDrillDue => DrillIntervalDays is { } days
        ? (LastDrillOn ?? DateOnly.FromDateTime(DefinedAt.UtcDateTime)).AddDays(days)
        : null;
}

public static class PlanId
{
    private static readonly Guid Namespace = new("5a7c9e1b-2d4f-5061-8a3b-c5d7e9f1a2b4");

    /// <summary>One stream per kind × level, so a plan is found without a lookup and redefined in place.</summary>
    public static Guid Of(IncidentKind kind, ResponseLevel level) => NameBasedId.Create(Namespace, $"{kind}/{level}");
}

/// <summary>How a plan follows from its events; pure.</summary>
public static class PlanEvolution
{
    public static Plan Evolve(Plan? plan, object @event, DateTimeOffset at) => (plan, @event) switch
    {
        (null, PlanDefined e) => new Plan(e.PlanId, e.Kind, e.Level, 1, e.Name, e.Requirements, e.DrillIntervalDays, null, null, null, at, at),
        (not null, PlanDefined e) => plan with
        {
            Version = plan.Version + 1, Name = e.Name, Requirements = e.Requirements, DrillIntervalDays = e.DrillIntervalDays, UpdatedAt = at,
        },
        (not null, DrillRecorded e) => plan with
        {
            LastDrillOn = plan.LastDrillOn is { } last && last > e.HeldOn ? last : e.HeldOn, LastDrillNotes = e.Notes, UpdatedAt = at,
        },
        (not null, DrillReminderIssued e) => plan with { RemindedFor = e.DueOn },
        _ => plan ?? throw new InvalidOperationException("a plan starts with its definition"),
    };
}
