using Muster.Hazards;

namespace Muster.Readiness.Demand;

/// <summary>
/// How much each place weighs (<c>Readiness:Demand</c>): a hazard site by its risk colour, a township seat or a village
/// by its population where known (one weight per <see cref="PeoplePerWeight"/> residents, never less than
/// <see cref="SeatWithoutPopulation"/>), else <see cref="SeatWithoutPopulation"/>.
/// </summary>
public sealed class DemandWeights
{
    public const string Section = "Readiness:Demand";

    public double Red { get; set; } = 4;
    public double Orange { get; set; } = 3;
    public double Yellow { get; set; } = 2;
    public double Blue { get; set; } = 1;

    /// <summary>A seat whose population is unknown weighs this much (and a known one never less).</summary>
    public double SeatWithoutPopulation { get; set; } = 1;

    /// <summary>Residents per unit of weight: 10,000 makes a township of 30,000 people weigh 3, a red mine 4.</summary>
    public double PeoplePerWeight { get; set; } = 10_000;

    public double Of(RiskLevel risk) => risk switch
    {
        RiskLevel.Red => Red,
        RiskLevel.Orange => Orange,
        RiskLevel.Yellow => Yellow,
        _ => Blue,
    };

    public double OfPopulation(int? population) =>
        population is { } people && PeoplePerWeight > 0
            ? Math.Max(SeatWithoutPopulation, people / PeoplePerWeight)
            : SeatWithoutPopulation;
}
