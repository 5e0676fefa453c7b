using Marten;
using Muster.Incidents;
using Muster.Incidents.Reporting;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Plans;
using Muster.Spatial;

namespace Muster.Drills.Starting;

/// <summary>Drill a plan: the scenario's kind and level default to the plan's, its title to 演练：plan name.</summary>
public sealed record StartDrill(Guid PlanId, IncidentKind? Kind, ResponseLevel? Level, GeoPoint Location, string? Title);

public static class StartDrillDecision
{
    /// <summary>The scenario to exercise, or why not: no such plan, a bad place or title, too many drills running.</summary>
    public static Result<DrillScenario> Decide(Plan? plan, StartDrill command, int openDrills, int maxOpen)
    {
        if (plan is null)
        {
            return DomainError.NotFound("no such plan", "planId");
        }

        if (GeoPoint.Check(command.Location.Lat, command.Location.Lon, "scenario.location") is { } badPlace)
        {
            return badPlace;
        }

        var title = IncidentRules.Text(command.Title ?? $"演练：{plan.Name}", "scenario.title", IncidentRules.MaxTitleLength, required: true);
        if (!title.Succeeded)
        {
            return Result<DrillScenario>.Fail(title.Errors);
        }

        if (openDrills >= maxOpen)
        {
            return DomainError.InvalidState($"{openDrills} drills are running, at most {maxOpen} at once: end one first", "planId");
        }

        return new DrillScenario(command.Kind ?? plan.Kind, command.Level ?? plan.Level, command.Location, title.Value!);
    }
}

/// <summary>
/// Decides on the real store (which it never writes but for the drill's own record), then opens the drill's world (a
/// copy of the register and stock, with the scenario's incident reported in it), then records the start. If the
/// record cannot be written, the world is discarded: nothing is left behind.
/// </summary>
public sealed class StartDrillHandler(IQuerySession reader, EventWriter writer, IDrillWorlds worlds, DrillOptions options)
{
    public async Task<Result<Drill>> Handle(StartDrill command, CancellationToken ct)
    {
        var plan = command.PlanId == Guid.Empty ? null : await reader.LoadAsync<Plan>(command.PlanId, ct);
        var open = await reader.Query<Drill>().CountAsync(d => d.Status == DrillStatus.Open, ct);
        var decided = StartDrillDecision.Decide(plan, command, open, options.MaxOpen);
        if (!decided.Succeeded)
        {
            return Result<Drill>.Fail(decided.Errors);
        }

        var scenario = decided.Value!;
        var drillId = Guid.CreateVersion7();
        var world = await worlds.OpenAsync(drillId,
            new ReportIncident(scenario.Kind, scenario.Level, scenario.Location, scenario.Title, $"演练（{plan!.Name}）"), ct);
        var started = await writer.StartAsync<Drill, DrillStarted>(
            (_, actor, _) => Task.FromResult(Result<DrillStarted>.Ok(new DrillStarted(drillId, plan.Id, plan.Name, plan.Version, plan.Requirements,
                scenario, world.Database, world.CopiedThrough, world.IncidentId, actor.Subject))),
            s => s.DrillId, null, CancellationToken.None);
        if (!started.Succeeded)
        {
            await worlds.DiscardAsync(drillId, world.Database, CancellationToken.None);
        }

        return started;
    }
}
