using GraphQL.Types;
using Muster.Hazards;

namespace Muster.Api.Hazards;

public sealed class HazardSiteKindType : EnumerationGraphType<HazardSiteKind>
{
    public HazardSiteKindType()
    {
        Name = "HazardSiteKind";
        Description = "What a hazard site is: coal mine (煤矿), tailings pond (尾矿库), reservoir (水库), river section (河段, a line), landslide spot (地灾隐患点), "
            + "chemical site (危化企业), crowded place (人员密集场所), forest (林区), residential area (住宅片区), other.";
    }
}

public sealed class RiskLevelType : EnumerationGraphType<RiskLevel>
{
    public RiskLevelType()
    {
        Name = "RiskLevel";
        Description = "The national four-colour risk grades: RED 重大风险, ORANGE 较大风险, YELLOW 一般风险, BLUE 低风险.";
    }
}

public sealed class DangerSeverityType : EnumerationGraphType<DangerSeverity>
{
    public DangerSeverityType()
    {
        Name = "DangerSeverity";
        Description = "MAJOR 重大隐患, GENERAL 一般隐患.";
    }
}

public sealed class DangerStatusType : EnumerationGraphType<DangerStatus>
{
    public DangerStatusType()
    {
        Name = "DangerStatus";
        Description = "OPEN: to be rectified by its deadline; OVERDUE: the deadline passed unrectified; RECTIFIED: done, on time or late (see rectifiedOnTime).";
    }
}
