using Marten;
using Muster.Catalog;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;

namespace Muster.Plans.Defining;

public sealed record DefinePlan(IncidentKind Kind, ResponseLevel Level, string? Name, Requirements Requirements, int? DrillIntervalDays);

public static class DefinePlanDecision
{
    public const int MaxNameLength = 200;
    public const int MaxDrillIntervalDays = 3 * 366;

    /// <summary>
    /// The plan's definition, or why not. Capabilities and specialties are open tags (units may register later);
    /// items must be in the catalog (<paramref name="unknownItems"/>).
    /// </summary>
    public static Result<PlanDefined> Decide(DefinePlan command, IReadOnlyCollection<string> unknownItems)
    {
        var requirements = Requirements.Normalize(command.Requirements, "requirements");
        if (!requirements.Succeeded)
        {
            return Result<PlanDefined>.Fail(requirements.Errors);
        }

        if (unknownItems.FirstOrDefault() is { } unknown)
        {
            return DomainError.NotFound($"no item {unknown} in the catalog", "requirements.supplies");
        }

        var name = string.IsNullOrWhiteSpace(command.Name) ? $"{command.Kind} level {command.Level}" : command.Name.Trim();
        if (TextRules.Name(name, "name", MaxNameLength).Errors is [var badName, ..])
        {
            return badName;
        }

        if (command.DrillIntervalDays is < 1 or > MaxDrillIntervalDays)
        {
            return DomainError.Validation($"drillIntervalDays must be between 1 and {MaxDrillIntervalDays} when given", "drillIntervalDays");
        }

        return new PlanDefined(PlanId.Of(command.Kind, command.Level), command.Kind, command.Level, name, requirements.Value!, command.DrillIntervalDays);
    }
}

public sealed class DefinePlanHandler(IQuerySession reader, EventWriter writer)
{
    public async Task<Result<Plan>> Handle(DefinePlan command, CancellationToken ct)
    {
        var codes = command.Requirements.Supplies.Select(s => s.ItemCode.Trim()).Where(c => ItemCode.Check(c) is null).Distinct().ToList();
        var known = (await reader.LoadManyAsync<Item>(ct, codes.Select(ItemCode.StreamId))).Select(i => i.Code).ToHashSet();
        var decision = DefinePlanDecision.Decide(command, codes.Where(c => !known.Contains(c)).ToList());
        return decision.Succeeded
            ? await writer.ChangeAsync<Plan, PlanDefined>(decision.Value!.PlanId, (_, _) => decision,
                DomainError.Conflict("the plan was redefined meanwhile; read it again", "level"), ct)
            : Result<Plan>.Fail(decision.Errors);
    }
}
