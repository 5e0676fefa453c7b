namespace Muster.Hazards;

/// <summary>What kind of place a hazard site is (风险隐患点类型).</summary>
public enum HazardSiteKind
{
    /// <summary>煤矿.</summary>
    CoalMine,

    /// <summary>尾矿库.</summary>
    TailingsPond,

    /// <summary>水库.</summary>
    Reservoir,

    /// <summary>河段 (a LineString site).</summary>
    RiverSection,

    /// <summary>地质灾害（滑坡、崩塌、泥石流）隐患点.</summary>
    Landslide,

    /// <summary>危险化学品企业、储存经营点.</summary>
    Chemical,

    /// <summary>人员密集场所.</summary>
    CrowdedPlace,

    /// <summary>林区.</summary>
    Forest,

    /// <summary>老旧住宅片区等.</summary>
    Residential,

    Other,
}

/// <summary>The national four-colour risk grading (安全风险四色分级): red is the highest.</summary>
public enum RiskLevel
{
    /// <summary>重大风险.</summary>
    Red,

    /// <summary>较大风险.</summary>
    Orange,

    /// <summary>一般风险.</summary>
    Yellow,

    /// <summary>低风险.</summary>
    Blue,
}

/// <summary>How grave a hidden danger (隐患) is: 重大隐患 or 一般隐患.</summary>
public enum DangerSeverity
{
    Major,
    General,
}

/// <summary>
/// Where a hidden danger stands: OPEN until rectified; OVERDUE once its deadline passed unrectified (the overdue job
/// records it, and a reader sees it at once); RECTIFIED with its evidence, on time or late.
/// </summary>
public enum DangerStatus
{
    Open,
    Overdue,
    Rectified,
}

/// <summary>A person to call: their role (主要负责人, 安全负责人…), name and phone.</summary>
public sealed record SiteContact(string Role, string Name, string Phone);
