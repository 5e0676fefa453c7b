using Muster.Hazards;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Spatial;

namespace Muster.Tests.Hazards;

/// <summary>A ledger of one coal mine in 辛置镇 and one danger found there.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public static readonly JurisdictionRef Xinzhi = new(Guid.NewGuid(), "辛置镇", JurisdictionLevel.Township, null, Guid.NewGuid());
    public static readonly JurisdictionRef Baitlong = new(Guid.NewGuid(), "白龙镇", JurisdictionLevel.Township, null, Guid.NewGuid());

    public static readonly HazardScope Bureau = new(true, new HashSet<Guid>(), true);
    public static readonly HazardScope Logistics = new(true, new HashSet<Guid>(), false);
    public static readonly HazardScope XinzhiTownship = HazardScope.Township(new HashSet<Guid> { Xinzhi.Id });
    public static readonly HazardScope OtherPartner = HazardScope.Township(new HashSet<Guid>());

    public static readonly HazardSite Mine = new(
        Guid.NewGuid(), "辛置煤矿", HazardSiteKind.CoalMine, RiskLevel.Red, new GeoPoint(36.489, 111.725), null, Xinzhi.Id,
        "霍州煤电集团 辛置煤矿", new SiteContact("矿长", "矿长（示例）甲", "0357-0000101"), [IncidentKind.MineGasExplosion], Now.AddDays(-30));

    public static readonly HiddenDanger OpenDanger = new(
        Guid.NewGuid(), Mine.Id, Xinzhi.Id, null, "瓦斯抽采泵备用泵检修未完成", DangerSeverity.General, Now.AddDays(3), "机电副矿长（示例）",
        null, DangerStatus.Open, Now.AddDays(-1), null, null, null, null);

    public static DomainError ErrorOf<T>(Result<T> result) => Assert.Single(result.Errors);
}
