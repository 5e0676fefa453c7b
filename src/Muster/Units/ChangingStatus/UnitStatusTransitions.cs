namespace Muster.Units.ChangingStatus;

/// <summary>Which status may follow which. Anything else is refused with INVALID_STATE.</summary>
public static class UnitStatusTransitions
{
    private static readonly Dictionary<UnitStatus, UnitStatus[]> Allowed = new()
    {
        [UnitStatus.Available] = [UnitStatus.Assigned, UnitStatus.EnRoute, UnitStatus.OutOfService],
        [UnitStatus.Assigned] = [UnitStatus.EnRoute, UnitStatus.Available, UnitStatus.OutOfService],
        [UnitStatus.EnRoute] = [UnitStatus.OnScene, UnitStatus.Returning, UnitStatus.Available, UnitStatus.OutOfService],
        [UnitStatus.OnScene] = [UnitStatus.Returning, UnitStatus.OutOfService],
        [UnitStatus.Returning] = [UnitStatus.Available, UnitStatus.Assigned, UnitStatus.OutOfService],
        [UnitStatus.OutOfService] = [UnitStatus.Available],
    };

    public static bool IsAllowed(UnitStatus from, UnitStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<UnitStatus> From(UnitStatus status) => Allowed[status];
}
