using System.Diagnostics;
using Marten;
using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.Locating;
using Npgsql;

namespace Muster.Readiness.MoveUp;

public sealed record SuggestMoveUp(string Capability, int WithinSeconds, int MaxMoves);

/// <summary>One suggested move: the unit, the post, the drive, and the demand points it brings within the limit.</summary>
public sealed record SuggestedMove(
    RescueUnit Unit, MovePost Post, double DistanceMeters, int EtaSeconds, IReadOnlyList<DemandPoint> Recovers, double RecoveredWeight, double CoverageGain);

/// <summary>The suggested moves and what they achieve together; shares are of the total demand weight.</summary>
public sealed record MoveUpSuggestion(
    string Capability,
    int WithinSeconds,
    int MaxMoves,
    IReadOnlyList<SuggestedMove> Moves,
    double TotalWeight,
    double CoveredWeightShareBefore,
    double CoveredWeightShareAfter,
    double BoundWeightShare,
    bool Optimal,
    double GapShare,
    MoveUpMethod Method,
    int DemandPoints,
    int Units,
    int Posts,
    double ElapsedMilliseconds);

/// <summary>
/// Answers <c>suggestMoveUp</c>: the demand points of the register, the AVAILABLE units with the capability where they
/// stand (from the units' PostGIS table), the candidate posts; builds the covering problem by the units' ETA model and
/// solves it (<see cref="MoveUpSolver"/>). It records nothing: approving the moves is <c>approveMoveUp</c>.
/// </summary>
public sealed class MoveUpAdvisor(
    NpgsqlDataSource database, IQuerySession session, IDemandPoints demand, MovePosts posts, EtaModel eta, MoveUpOptions options)
{
    public const int MaxMoves = 10;
    public const int MaxWithinSeconds = 6 * 3600;

    public static DomainError? Check(SuggestMoveUp query) =>
        ReadinessArguments.Check(query.Capability, query.WithinSeconds, MaxWithinSeconds)
        ?? (query.MaxMoves is < 1 or > MaxMoves ? DomainError.Validation($"maxMoves must be between 1 and {MaxMoves}, got {query.MaxMoves}", "maxMoves")
        : null);

    public async Task<Result<MoveUpSuggestion>> SuggestAsync(SuggestMoveUp query, CancellationToken ct)
    {
        if (Check(query) is { } invalid)
        {
            return invalid;
        }

        var clock = Stopwatch.StartNew();
        var capability = query.Capability.Trim().ToLowerInvariant();
        var points = await demand.AllAsync(ct);
        var units = await AvailableAsync(capability, ct);
        var candidates = await posts.ForAsync(capability, ct);
        var problem = MoveUpProblems.Build(
            points.Select(p => (p.Location, p.Weight)).ToList(), units.Select(u => (u.Kind, u.Location)).ToList(),
            candidates.Select(p => p.Location).ToList(), query.WithinSeconds, query.MaxMoves, eta, options.SamePlaceMeters);
        var solution = MoveUpSolver.Solve(problem, options);

        var documents = (await session.LoadManyAsync<RescueUnit>(ct, solution.Moves.Select(m => units[m.Unit].Id))).ToDictionary(u => u.Id);
        var before = MoveUpCoverage.CoveredPoints(problem, []);
        var attributed = new HashSet<int>(before);
        var moves = new List<SuggestedMove>();
        foreach (var move in solution.Moves.Where(m => documents.ContainsKey(units[m.Unit].Id)))
        {
            // A point newly reached from two posts counts for the first move that reaches it, so the gains add up.
            var recovers = problem.Reaches[move.Reach].Covers.Where(attributed.Add).ToList();
            var weight = recovers.Sum(i => points[i].Weight);
            var post = candidates[problem.Reaches[move.Reach].Post];
            moves.Add(new SuggestedMove(documents[units[move.Unit].Id], post, Ellipsoid.Meters(units[move.Unit].Location, post.Location), move.EtaSeconds,
                recovers.Select(i => points[i]).ToList(), weight, Share(weight, solution.TotalWeight)));
        }

        return new MoveUpSuggestion(capability, query.WithinSeconds, query.MaxMoves, moves, solution.TotalWeight,
            Share(solution.CoveredBefore, solution.TotalWeight), Share(solution.CoveredAfter, solution.TotalWeight),
            Math.Min(1, Share(solution.UpperBound, solution.TotalWeight)), solution.Optimal, solution.GapShare, solution.Method,
            points.Count, units.Count, candidates.Count, clock.Elapsed.TotalMilliseconds);
    }

    private static double Share(double weight, double total) => total <= 0 ? 0 : weight / total;

    /// <summary>The AVAILABLE units with the capability where their last position puts them (stale positions included).</summary>
    private async Task<List<(Guid Id, UnitKind Kind, GeoPoint Location)>> AvailableAsync(string capability, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select id, kind, ST_Y(location::geometry), ST_X(location::geometry) from {UnitLocationsTable.Name}
            where status = @status and @capability = any(capabilities) order by id
            """);
        command.Parameters.AddWithValue("status", nameof(UnitStatus.Available));
        command.Parameters.AddWithValue("capability", capability);
        var units = new List<(Guid, UnitKind, GeoPoint)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            units.Add((reader.GetGuid(0), Enum.Parse<UnitKind>(reader.GetString(1)), new GeoPoint(reader.GetDouble(2), reader.GetDouble(3))));
        }

        return units;
    }
}
