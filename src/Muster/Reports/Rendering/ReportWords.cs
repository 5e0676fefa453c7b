using System.Globalization;
using Muster.Incidents;
using Muster.Requests;
using Muster.Units;

namespace Muster.Reports.Rendering;

/// <summary>The Chinese words of the bureau's forms for Muster's enumerations and times.</summary>
public static class ReportWords
{
    public static string Of(ReportKind kind) => kind switch
    {
        ReportKind.Initial => "首报",
        ReportKind.FollowUp => "续报",
        _ => "终报",
    };

    /// <summary>首报, 续报（第 2 次）, 终报: a follow-up names its place among the follow-ups.</summary>
    public static string Stage(ReportKind kind, int number) =>
        kind == ReportKind.FollowUp ? $"续报（第{number - 1}次）" : Of(kind);

    public static string Of(IncidentKind kind) => kind switch
    {
        IncidentKind.MineGasExplosion => "煤矿瓦斯爆炸",
        IncidentKind.MineFlooding => "矿井透水",
        IncidentKind.Flood => "洪涝灾害",
        IncidentKind.Landslide => "滑坡、泥石流",
        IncidentKind.HazmatLeak => "危险化学品泄漏",
        IncidentKind.BuildingFire => "建筑火灾",
        IncidentKind.ForestFire => "森林火灾",
        IncidentKind.Earthquake => "地震",
        IncidentKind.TrafficAccident => "道路交通事故",
        _ => "其他突发事件",
    };

    public static string Of(ResponseLevel level) => level switch
    {
        ResponseLevel.I => "Ⅰ级（特别重大）",
        ResponseLevel.II => "Ⅱ级（重大）",
        ResponseLevel.III => "Ⅲ级（较大）",
        _ => "Ⅳ级（一般）",
    };

    public static string Of(IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "已接报，尚未调派力量",
        IncidentStatus.Responding => "正在处置",
        _ => "应急响应已结束",
    };

    public static string Of(UnitKind kind) => kind switch
    {
        UnitKind.FireEngine => "消防车",
        UnitKind.RescueTeam => "救援队",
        UnitKind.MineRescueTeam => "矿山救护队",
        UnitKind.Ambulance => "救护车",
        UnitKind.HazmatTeam => "危化品处置队",
        UnitKind.Boat => "舟艇",
        UnitKind.HeavyMachinery => "工程机械",
        _ => "其他力量",
    };

    public static string Of(SupplyRequestStatus status) => status switch
    {
        SupplyRequestStatus.Requested => "已申请",
        SupplyRequestStatus.Approved => "已批准",
        SupplyRequestStatus.Allocated => "已调拨",
        SupplyRequestStatus.PartiallyAllocated => "部分调拨",
        SupplyRequestStatus.InTransit => "运送中",
        SupplyRequestStatus.Delivered => "已送达",
        SupplyRequestStatus.Rejected => "已驳回",
        _ => "已取消",
    };

    /// <summary>2026年11月30日 14时05分, in the bureau's local time.</summary>
    public static string Time(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("yyyy年M月d日 HH时mm分", CultureInfo.InvariantCulture);

    /// <summary>14时05分 (the day is said once, in the heading).</summary>
    public static string Clock(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("M月d日 HH时mm分", CultureInfo.InvariantCulture);

    public static string Place(double lat, double lon) =>
        string.Create(CultureInfo.InvariantCulture, $"北纬{lat:0.0000}°，东经{lon:0.0000}°");

    public static string Casualties(Casualties? casualties) => casualties is null
        ? "伤亡情况正在核实。"
        : string.Create(CultureInfo.InvariantCulture,
            $"死亡{casualties.Deaths}人，受伤{casualties.Injured}人，失踪{casualties.Missing}人，被困{casualties.Trapped}人。");
}
