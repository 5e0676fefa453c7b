using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions;

namespace Muster.Hazards.ChangingRiskLevel;

/// <summary>The site is graded again (风险等级调整), and the reason is kept.</summary>
public sealed record ChangeHazardSiteRiskLevel(Guid SiteId, RiskLevel RiskLevel, string Reason);

public static class ChangeHazardSiteRiskLevelDecision
{
    public static Result<HazardSiteRiskLevelChanged> Decide(HazardSite? site, ChangeHazardSiteRiskLevel command, HazardScope scope)
    {
        if (HazardRules.MayWorkOn(site, scope) is { } refused)
        {
            return refused;
        }

        var reason = TextRules.FreeText(command.Reason, "reason", HazardRules.MaxText, required: true);
        if (!reason.Succeeded)
        {
            return Result<HazardSiteRiskLevelChanged>.Fail(reason.Errors);
        }

        return site!.RiskLevel == command.RiskLevel
            ? DomainError.InvalidState($"the site is graded {command.RiskLevel.ToString().ToUpperInvariant()} already", "riskLevel")
            : new HazardSiteRiskLevelChanged(site.Id, site.RiskLevel, command.RiskLevel, reason.Value!);
    }
}

public sealed class ChangeHazardSiteRiskLevelHandler(EventWriter writer, IJurisdictionDirectory directory, IActorAccessor actors)
{
    public async Task<Result<HazardSite>> Handle(ChangeHazardSiteRiskLevel command, CancellationToken ct)
    {
        var scope = await HazardScope.OfAsync(actors.Current ?? Actor.System, directory, ct);
        return await writer.ChangeAsync<HazardSite, HazardSiteRiskLevelChanged>(command.SiteId,
            (site, _) => ChangeHazardSiteRiskLevelDecision.Decide(site, command, scope),
            DomainError.Conflict("the site changed meanwhile; read it again and retry", "siteId"), ct);
    }
}
