using Marten;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions;
using Muster.Spatial;

namespace Muster.Hazards.Registering;

/// <summary>A site enters the ledger; where it is: a point (<paramref name="Location"/>) or a line (<paramref name="Line"/>).</summary>
public sealed record RegisterHazardSite(
    string Name, HazardSiteKind Kind, RiskLevel RiskLevel, GeoPoint? Location, IReadOnlyList<GeoPoint>? Line,
    string? Enterprise, SiteContact? Responsible, IReadOnlyList<IncidentKind>? IncidentKinds);

/// <summary>What the decision learnt of the place: its jurisdiction, and the first position outside the county (if any).</summary>
public sealed record SitePlace(JurisdictionRef? Jurisdiction, GeoPoint? Outside)
{
    /// <summary>Asks the directory where the shape lies: the first position outside the county, or the jurisdiction of its representative point.</summary>
    public static async Task<SitePlace> FindAsync(IJurisdictionDirectory directory, HazardShape shape, CancellationToken ct)
    {
        foreach (var position in HazardGeometry.Positions(shape))
        {
            if (await directory.AtAsync(position, ct) is null)
            {
                return new SitePlace(null, position);
            }
        }

        return new SitePlace(await directory.AtAsync(shape.Location, ct), null);
    }
}

public static class RegisterHazardSiteDecision
{
    public static Result<HazardSiteRegistered> Decide(
        RegisterHazardSite command, Guid newId, HazardScope scope, HazardShape shape, SitePlace place, bool nameTaken)
    {
        if (!scope.MayKeep)
        {
            return HazardScope.KeptByOthers with { Field = "location" };
        }

        var name = TextRules.Name(command.Name, "name", HazardRules.MaxName);
        var enterprise = TextRules.Name(command.Enterprise, "enterprise", HazardRules.MaxName, required: false);
        var responsible = HazardRules.Contact(command.Responsible, "responsible");
        var errors = name.Errors.Concat(enterprise.Errors).Concat(responsible.Errors).ToList();
        if (errors.Count > 0)
        {
            return Result<HazardSiteRegistered>.Fail(errors);
        }

        var field = shape.Line is null ? "location" : "geometry";
        if (place.Outside is { } outside)
        {
            return DomainError.Validation($"[{outside.Lon}, {outside.Lat}] lies outside the county: a hazard site must be inside it", field);
        }

        if (place.Jurisdiction is not { } jurisdiction)
        {
            return DomainError.Validation("the site lies outside the county: a hazard site must be inside it", field);
        }

        if (!scope.MayChange(jurisdiction.Id))
        {
            return HazardScope.KeptByOthers with { Field = field, Message = $"the site lies in {jurisdiction.Name}, not in a jurisdiction of your own" };
        }

        if (nameTaken)
        {
            return DomainError.Conflict($"a hazard site named '{name.Value}' is already in the ledger", "name");
        }

        return new HazardSiteRegistered(
            newId, name.Value!, command.Kind, command.RiskLevel, shape.Location, shape.Line, jurisdiction.Id, enterprise.Value,
            responsible.Value, [.. (command.IncidentKinds ?? []).Distinct()]);
    }
}

public sealed class RegisterHazardSiteHandler(EventWriter writer, IJurisdictionDirectory directory)
{
    public async Task<Result<HazardSite>> Handle(RegisterHazardSite command, CancellationToken ct)
    {
        var shape = HazardGeometry.Of(command.Location, command.Line);
        if (!shape.Succeeded)
        {
            return Result<HazardSite>.Fail(shape.Errors);
        }

        return await writer.StartAsync<HazardSite, HazardSiteRegistered>(
            async (session, actor, token) =>
            {
                var scope = await HazardScope.OfAsync(actor, directory, token);
                var place = await SitePlace.FindAsync(directory, shape.Value!, token);
                var name = command.Name?.Trim() ?? string.Empty;
                var taken = await session.Query<HazardSite>().AnyAsync(s => s.Name == name, token);
                return RegisterHazardSiteDecision.Decide(command, Guid.CreateVersion7(), scope, shape.Value!, place, taken);
            },
            registered => registered.SiteId, DomainError.Conflict("a hazard site of that name was registered meanwhile", "name"), ct);
    }
}
