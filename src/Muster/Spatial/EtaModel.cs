using System.Globalization;
using Muster.Units;

namespace Muster.Spatial;

/// <summary>
/// Estimated time of arrival: turnout + distance × detour factor / speed, per kind of unit.
/// A road network can replace it later behind the same methods.
/// </summary>
public sealed class EtaModel(EtaOptions options)
{
    public int UnitSeconds(UnitKind kind, double meters) =>
        Seconds(options.Units.GetValueOrDefault(kind) ?? EtaOptions.Fallback, meters);

    public int ExpertSeconds(double meters) => Seconds(options.Experts, meters);

    /// <summary>A supply shipment from a depot: loading, then a truck on the road.</summary>
    public int SupplySeconds(double meters) => Seconds(options.Supplies, meters);

    /// <summary>How a kind of unit travels (turnout, speed), as <see cref="UnitSeconds"/> reckons it.</summary>
    public Travel UnitTravel(UnitKind kind) => options.Units.GetValueOrDefault(kind) ?? EtaOptions.Fallback;

    /// <summary>Roads over straight lines, as <see cref="UnitSeconds"/> reckons it.</summary>
    public double DetourFactor => options.DetourFactor;

    /// <summary>The farthest any kind of unit gets within <paramref name="seconds"/> (turnout included), in metres.</summary>
    public double UnitReachMeters(int seconds) =>
        Enum.GetValues<UnitKind>()
            .Select(kind => options.Units.GetValueOrDefault(kind) ?? EtaOptions.Fallback)
            .Max(travel => Math.Max(0, seconds - travel.TurnoutSeconds) * (travel.SpeedKmh / 3.6) / options.DetourFactor);

    /// <summary>
    /// <see cref="UnitSeconds"/> as a SQL expression (float8, a whole number) over a column holding the kind's name and
    /// an expression in metres: the same double arithmetic in the same order, rounded half to even as
    /// <see cref="Math.Round(double)"/> is, so SQL ranks exactly as this class would.
    /// </summary>
    public string UnitSecondsSql(string kindColumn, string metersSql) =>
        "round(case " + kindColumn + " " +
        string.Concat(Enum.GetValues<UnitKind>().Select(kind => $"when '{kind}' then {SecondsSql(UnitTravel(kind), metersSql)} ")) +
        $"else {SecondsSql(EtaOptions.Fallback, metersSql)} end)";

    /// <summary><see cref="UnitReachMeters"/> as a SQL expression over an expression in whole seconds.</summary>
    public string UnitReachMetersSql(string secondsSql) =>
        "greatest(" + string.Join(", ", Enum.GetValues<UnitKind>().Select(UnitTravel).Select(travel =>
            $"greatest(0, ({secondsSql})::int - {travel.TurnoutSeconds.ToString(CultureInfo.InvariantCulture)})::float8 * ({Literal(travel.SpeedKmh)} / 3.6::float8) / {Literal(options.DetourFactor)}")) + ")";

    private string SecondsSql(Travel travel, string metersSql) =>
        $"({travel.TurnoutSeconds.ToString(CultureInfo.InvariantCulture)}::float8 + ({metersSql}) * {Literal(options.DetourFactor)} / ({Literal(travel.SpeedKmh)} / 3.6::float8))";

    private static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "::float8";

    private int Seconds(Travel travel, double meters) =>
        (int)Math.Round(travel.TurnoutSeconds + meters * options.DetourFactor / (travel.SpeedKmh / 3.6));
}

/// <summary>The <c>Eta</c> configuration section.</summary>
public sealed class EtaOptions
{
    public const string Section = "Eta";
    public static readonly Travel Fallback = new() { TurnoutSeconds = 300, SpeedKmh = 35 };

    /// <summary>Roads are longer than the straight line; 1.4 suits a valley city with a river to cross.</summary>
    public double DetourFactor { get; set; } = 1.4;

    public Dictionary<UnitKind, Travel> Units { get; set; } = new()
    {
        [UnitKind.FireEngine] = new() { TurnoutSeconds = 60, SpeedKmh = 45 },
        [UnitKind.RescueTeam] = new() { TurnoutSeconds = 120, SpeedKmh = 45 },
        [UnitKind.MineRescueTeam] = new() { TurnoutSeconds = 60, SpeedKmh = 50 },
        [UnitKind.Ambulance] = new() { TurnoutSeconds = 60, SpeedKmh = 55 },
        [UnitKind.HazmatTeam] = new() { TurnoutSeconds = 180, SpeedKmh = 40 },
        [UnitKind.Boat] = new() { TurnoutSeconds = 600, SpeedKmh = 30 },
        [UnitKind.HeavyMachinery] = new() { TurnoutSeconds = 900, SpeedKmh = 25 },
        [UnitKind.Other] = Fallback,
    };

    public Travel Experts { get; set; } = new() { TurnoutSeconds = 900, SpeedKmh = 50 };

    /// <summary>Loading a truck at the depot takes a while; then it drives like any lorry.</summary>
    public Travel Supplies { get; set; } = new() { TurnoutSeconds = 1800, SpeedKmh = 40 };
}

public sealed class Travel
{
    public int TurnoutSeconds { get; set; }
    public double SpeedKmh { get; set; }
}
