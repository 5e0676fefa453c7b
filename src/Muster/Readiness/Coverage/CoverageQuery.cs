using Muster.Infrastructure;
using Muster.Readiness.Demand;

namespace Muster.Readiness.Coverage;

/// <param name="DemandGeoJson">The points to cover as GeoJSON (see <see cref="GivenDemand"/>); null for the register's
/// demand: every hazard site and township or village seat (<see cref="IDemandPoints"/>).</param>
public sealed record CoverageQuestion(string Capability, int WithinSeconds, string? DemandGeoJson);

/// <summary>
/// Answers <c>coverage(capability, withinSeconds, demandGeoJson)</c>: each demand point with its soonest and second
/// soonest ETA (known up to twice the limit; beyond, null), covered or not.
/// </summary>
public sealed class CoverageQuery(CoverageCalculator calculator, IDemandPoints register)
{
    public async Task<Result<CoverageAnswer>> AnswerAsync(CoverageQuestion question, CancellationToken ct)
    {
        if (ReadinessArguments.Check(question.Capability, question.WithinSeconds, ReadinessOptions.MaxSeconds) is { } invalid)
        {
            return invalid;
        }

        var capability = question.Capability.Trim().ToLowerInvariant();
        IReadOnlyList<DemandPoint> demand;
        if (question.DemandGeoJson is { } given)
        {
            var parsed = GivenDemand.Parse(given, "demandGeoJson");
            if (!parsed.Succeeded)
            {
                return Result<CoverageAnswer>.Fail(parsed.Errors);
            }

            demand = parsed.Value!;
        }
        else
        {
            demand = await register.AllAsync(ct);
        }

        var ask = new CoverageAsk(capability, question.WithinSeconds, 2 * question.WithinSeconds);
        var answer = await calculator.ComputeAsync([ask], demand, [], ct);
        return answer[0].Before;
    }
}
