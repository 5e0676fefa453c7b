using Marten;
using Microsoft.Extensions.Logging;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Quartz;

namespace Muster.Supplies.Expiring;

/// <summary>
/// The daily lot-expiry sweep: on every stock line holding a lot that expires within the warning days, records what
/// <see cref="ExpirySweepDecision"/> decides, with the job as the actor. Each line is its own transaction on the
/// stock write path, so a line busy with an allocation is retried, and one line's trouble does not stop the rest.
/// Running it again the same day records nothing more. Clustered: one replica runs it each time.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SweepExpiringLots(
    IDocumentStore store, EventWriter writer, TimeProvider time, ExpiryOptions options, ILogger<SweepExpiringLots> logger) : IJob
{
    public const string ActorName = "expiry-sweep";
    public static readonly JobKey Key = new("sweep-expiring-lots", "supplies");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await SweepAsync(cancellationToken);

    /// <summary>Sweeps every line due and answers how many events it recorded.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(options.WarningDays);
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<StockLine>().Where(l => l.EarliestExpiry <= horizon).Select(l => l.Id).ToListAsync(ct);
        }

        var job = writer.ActingAs(Actor.Job(ActorName));
        var recorded = 0;
        foreach (var lineId in due)
        {
            var result = await job.RunAsync(
                async (session, _, token) =>
                {
                    var stream = await session.Events.FetchForWriting<StockLine>(lineId, token);
                    var events = stream.Aggregate is { } line ? ExpirySweepDecision.Decide(line, today, options.WarningDays) : [];
                    stream.AppendMany(events.Cast<object>().ToArray());
                    return Result<int>.Ok(events.Count);
                },
                DomainError.Conflict("the stock line kept changing"),
                ct, OnLostRace.DecideAgain);
            if (result.Succeeded)
            {
                recorded += result.Value;
            }
            else
            {
                LogLineSkipped(lineId, result.Errors[0].Message);
            }
        }

        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiry sweep skipped stock line {LineId} until its next run: {Reason}")]
    private partial void LogLineSkipped(Guid lineId, string reason);
}
