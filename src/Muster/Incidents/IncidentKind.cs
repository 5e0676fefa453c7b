namespace Muster.Incidents;

/// <summary>The kinds of incident the bureau keeps emergency plans (应急预案) for.</summary>
public enum IncidentKind
{
    /// <summary>瓦斯爆炸: gas explosion in a coal mine.</summary>
    MineGasExplosion,

    /// <summary>透水: water inrush in a mine.</summary>
    MineFlooding,

    /// <summary>洪涝.</summary>
    Flood,

    /// <summary>滑坡、泥石流.</summary>
    Landslide,

    /// <summary>危险化学品泄漏.</summary>
    HazmatLeak,

    /// <summary>建筑火灾.</summary>
    BuildingFire,

    /// <summary>森林火灾.</summary>
    ForestFire,

    /// <summary>地震.</summary>
    Earthquake,

    /// <summary>道路交通事故.</summary>
    TrafficAccident,

    Other,
}

/// <summary>Response levels: I 特别重大 (most severe), II 重大, III 较大, IV 一般.</summary>
public enum ResponseLevel
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}
