using Marten;
using Muster.Agencies;
using Muster.Catalog;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Supplies;

namespace Muster.Requests.Requesting;

/// <summary>
/// Asks for supplies to be delivered to a point. <see cref="AgencyId"/> is the requesting agency: a partner always
/// asks for its own; bureau staff may name one (its private depots then count as drawable) or none (the shared pool only).
/// </summary>
public sealed record RequestSupplies(
    IReadOnlyList<ItemQuantity> Lines, GeoPoint DeliverTo, Guid? IncidentId, SupplyPriority Priority,
    DateTimeOffset? NeededBy, Guid? AgencyId, string? Note);

public static class RequestSuppliesDecision
{
    /// <param name="items">The catalog items among the lines' codes, by code.</param>
    /// <param name="agencyExists">Whether the requesting agency (when there is one) is registered.</param>
    /// <param name="incident">The incident the request names, when it names one and it exists.</param>
    public static Result<SupplyRequested> Decide(
        RequestSupplies command, Guid newId, Actor actor, IReadOnlyDictionary<string, Item> items, Func<Guid, bool> agencyExists,
        Incident? incident, DateTimeOffset now)
    {
        var agency = RequestingAgency(command, actor);
        if (!agency.Succeeded)
        {
            return Result<SupplyRequested>.Fail(agency.Errors);
        }

        if (Lines(command.Lines, items) is { } badLine)
        {
            return badLine;
        }

        if (GeoPoint.Check(command.DeliverTo.Lat, command.DeliverTo.Lon, "deliverTo") is { } badPoint)
        {
            return badPoint;
        }

        if (command.NeededBy < now)
        {
            return DomainError.Validation("neededBy is in the past", "neededBy");
        }

        var note = StockRules.Text(command.Note, "note", required: false);
        if (!note.Succeeded)
        {
            return Result<SupplyRequested>.Fail(note.Errors);
        }

        if (agency.Value is { } id && !agencyExists(id))
        {
            return DomainError.NotFound("no such agency", "agencyId");
        }

        if (command.IncidentId is not null && (incident is null ? DomainError.NotFound("no such incident", "incidentId")
                : incident.Status == IncidentStatus.Closed ? DomainError.InvalidState("the incident is closed", "incidentId") : null) is { } badIncident)
        {
            return badIncident;
        }

        var lines = command.Lines.Select(l => new ItemQuantity(l.ItemCode, l.Quantity)).ToList();
        return new SupplyRequested(newId, agency.Value, lines, command.DeliverTo, command.IncidentId, command.Priority,
            command.NeededBy, note.Value is "" ? null : note.Value);
    }

    /// <summary>A partner asks for its own agency only; bureau staff for the agency named, else their own, else none.</summary>
    private static Result<Guid?> RequestingAgency(RequestSupplies command, Actor actor)
    {
        if (actor.Role != Role.Partner)
        {
            return Result<Guid?>.Ok(command.AgencyId ?? actor.AgencyId);
        }

        if (actor.AgencyId is not { } own || (command.AgencyId is { } named && named != own))
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner requests supplies for its own agency only", "agencyId");
        }

        return Result<Guid?>.Ok(own);
    }

    private static DomainError? Lines(IReadOnlyList<ItemQuantity> lines, IReadOnlyDictionary<string, Item> items)
    {
        if (lines.Count is 0 or > RequestRules.MaxLines)
        {
            return DomainError.Validation($"a request has 1 to {RequestRules.MaxLines} lines, got {lines.Count}", "lines");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var refused = ItemCode.Check(line.ItemCode, $"lines[{i}].itemCode")
                ?? StockRules.Quantity(line.Quantity, $"lines[{i}].quantity")
                ?? (lines.Take(i).Any(l => l.ItemCode == line.ItemCode)
                    ? DomainError.Validation($"item {line.ItemCode} is asked for twice: one line an item", $"lines[{i}].itemCode")
                    : null)
                ?? (items.ContainsKey(line.ItemCode) ? null : DomainError.NotFound($"no item {line.ItemCode} in the catalog", $"lines[{i}].itemCode"));
            if (refused is not null)
            {
                return refused;
            }
        }

        return null;
    }
}

public sealed class RequestSuppliesHandler(IDocumentSession session, IActorAccessor actors, TimeProvider time)
{
    public async Task<Result<SupplyRequest>> Handle(RequestSupplies command, CancellationToken ct)
    {
        var codes = command.Lines.Select(l => l.ItemCode).Where(c => ItemCode.Check(c) is null).Distinct().ToList();
        var items = (await session.LoadManyAsync<Item>(ct, codes.Select(ItemCode.StreamId))).ToDictionary(i => i.Code);
        var agencyId = command.AgencyId ?? actors.Current?.AgencyId;
        var agency = agencyId is { } id ? await session.LoadAsync<Agency>(id, ct) : null;
        var incident = command.IncidentId is { } incidentId ? await session.LoadAsync<Incident>(incidentId, ct) : null;
        var decision = RequestSuppliesDecision.Decide(command, Guid.CreateVersion7(), actors.Current ?? Actor.System, items,
            id => agency?.Id == id, incident, time.GetUtcNow());
        if (!decision.Succeeded)
        {
            return Result<SupplyRequest>.Fail(decision.Errors);
        }

        session.Events.StartStream<SupplyRequest>(decision.Value!.RequestId, decision.Value);
        await session.SaveChangesAsync(ct);
        return (await session.LoadAsync<SupplyRequest>(decision.Value.RequestId, ct))!;
    }
}
