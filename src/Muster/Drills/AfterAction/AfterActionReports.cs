using System.Globalization;
using System.Text.Json;
using JasperFx.Events;
using Muster.Dispatch;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Requests;

namespace Muster.Drills.AfterAction;

/// <summary>Builds the after-action report from the events a drill wrote; pure.</summary>
public static class AfterActionReports
{
    /// <summary>At most this many events are kept in a report's timeline (the count says how many there were).</summary>
    public const int MaxTimeline = 5_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AfterActionReport Build(Drill drill, IReadOnlyList<IEvent> events, DateTimeOffset endedAt)
    {
        var proposals = events.Select(e => e.Data).OfType<DispatchProposed>().ToDictionary(p => p.Proposal.Id, p => p.Proposal);
        var approved = events.Select(e => e.Data).OfType<DispatchApproved>().ToList();
        var requestOf = approved.Where(a => a.SupplyRequestId is not null).ToDictionary(a => a.SupplyRequestId!.Value, a => a.IncidentId);

        var responses = events.Where(e => e.Data is IncidentReported).Select(e =>
        {
            var reported = (IncidentReported)e.Data;
            var mine = events.Where(x => x.StreamId == reported.IncidentId).ToList();
            var shipped = events.FirstOrDefault(x => x.Data is ShipmentDispatched s && requestOf.GetValueOrDefault(s.RequestId) == reported.IncidentId);
            return new DrillResponse(reported.IncidentId, reported.Title, reported.Kind, reported.Level, e.Timestamp,
                mine.FirstOrDefault(x => x.Data is DispatchProposed)?.Timestamp, mine.FirstOrDefault(x => x.Data is DispatchApproved)?.Timestamp,
                shipped?.Timestamp, mine.FirstOrDefault(x => x.Data is IncidentClosed)?.Timestamp, mine.Count(x => x.Data is DispatchProposed));
        }).ToList();

        var dispatched = approved.Where(a => proposals.ContainsKey(a.ProposalId)).Select(a => (Approval: a, Proposal: proposals[a.ProposalId])).ToList();
        var units = dispatched.SelectMany(d => d.Proposal.Units.Where(u => d.Approval.UnitIds.Contains(u.UnitId))).CountBy(u => u.Capability).ToDictionary();
        var supplies = dispatched.SelectMany(d => d.Proposal.Supplies.Where(s => !d.Approval.Excluded.Contains(s.DepotId)))
            .GroupBy(s => s.ItemCode).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity));
        var experts = dispatched.SelectMany(d => d.Proposal.Experts.Where(x => d.Approval.ExpertIds.Contains(x.ExpertId))).CountBy(x => x.Specialty).ToDictionary();
        var plan = drill.PlanRequirements;
        var compared = plan.Units.Select(u => new PlanComparison(ShortfallKind.Unit, u.Capability, u.Count, units.GetValueOrDefault(u.Capability)))
            .Concat(plan.Supplies.Select(s => new PlanComparison(ShortfallKind.Supply, s.ItemCode, s.Quantity, supplies.GetValueOrDefault(s.ItemCode))))
            .Concat(plan.Experts.Select(x => new PlanComparison(ShortfallKind.Expert, x.Specialty, x.Count, experts.GetValueOrDefault(x.Specialty))))
            .ToList();

        // What the approved proposals said they could not meet (an incident never approved shows no approval time instead).
        var shortOf = dispatched.SelectMany(d => d.Proposal.Shortfalls).ToList();

        var timeline = events.Take(MaxTimeline).Select(e =>
        {
            var actor = ActorMetadata.Read(e.Headers);
            return new DrillTimelineEntry(e.Sequence, e.Timestamp, e.EventTypeName, e.StreamId, e.Version, actor?.Subject, actor?.Role.Name(),
                JsonSerializer.Serialize(e.Data, e.EventType, Json));
        }).ToList();

        // Proposals made before proposals stated their cost (or with the cost turned off) say nothing: then neither does the report.
        var costs = dispatched.Where(d => d.Proposal.CoverageCosts is not null).SelectMany(d => d.Proposal.CoverageCosts!).ToList();
        var coverageLost = dispatched.Any(d => d.Proposal.CoverageCosts is not null)
            ? costs.Select(c => new CoverageLoss(c.Capability, c.WithinSeconds, c.CoveredWeightShareBefore, c.CoveredWeightShareAfter,
                c.NewlyUncovered.Select(u => u.Name).ToList())).ToList()
            : null;
        return new AfterActionReport(drill.StartedAt, endedAt, responses, compared, shortOf, coverageLost, timeline, events.Count);
    }

    /// <summary>The few words the plan keeps of the drill (its last drill notes).</summary>
    public static string Summary(Drill drill, AfterActionReport report, string? notes)
    {
        string Seconds(DateTimeOffset? from, DateTimeOffset? to) =>
            from is { } f && to is { } t ? ((int)(t - f).TotalSeconds).ToString(CultureInfo.InvariantCulture) + " 秒" : "—";
        var first = report.Responses.Count > 0 ? report.Responses[0] : null;
        var shortItems = report.ComparedWithPlan.Count(c => c.Missing > 0);
        var text = $"演练「{drill.Name}」：接报→方案 {Seconds(first?.ReportedAt, first?.FirstProposedAt)}，方案→批准 {Seconds(first?.FirstProposedAt, first?.ApprovedAt)}；"
            + $"对照预案 {shortItems} 项不足。" + (notes is null ? "" : " " + notes);
        return text.Length <= Plans.Drilling.RecordDrillDecision.MaxNotesLength ? text : text[..Plans.Drilling.RecordDrillDecision.MaxNotesLength];
    }
}
