using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Muster.Catalog;
using Muster.Catalog.Defining;
using Muster.Infrastructure;
using Muster.Plans;
using Muster.Plans.Defining;

namespace Muster.Seeding;

/// <summary>What a load did: per kind of record, how many were new and how many were there already.</summary>
public sealed record SeedReport(int ItemsDefined, int ItemsPresent, int PlansDefined, int PlansPresent);

/// <summary>
/// Loads the demo data of <c>seed-data/</c> through the same handlers as the API (events, not SQL), as the
/// system actor; whatever is already there is left alone, so loading twice changes nothing. A record the handlers
/// refuse stops the load with their reason: seed files are checked like any input.
/// </summary>
public sealed partial class SeedLoader(IServiceScopeFactory scopes, ILogger<SeedLoader> log)
{
    public async Task<SeedReport> LoadAsync(string folder, CancellationToken ct)
    {
        var items = await SeedFiles.ReadAsync<SeedItem>(folder, SeedFiles.Items, ct);
        var (itemsDefined, itemsPresent) = await EachAsync(items, "items",
            async (session, item) => await session.Events.FetchStreamStateAsync(ItemCode.StreamId(item.Code), ct) is not null,
            (services, item) => services.GetRequiredService<DefineItemHandler>().Handle(item.Command, ct), ct);
        var plans = await SeedFiles.ReadAsync<SeedPlan>(folder, SeedFiles.Plans, ct);
        var (plansDefined, plansPresent) = await EachAsync(plans, "plans",
            async (session, plan) => await session.LoadAsync<Plan>(PlanId.Of(plan.IncidentKind, plan.Level), ct) is not null,
            (services, plan) => services.GetRequiredService<DefinePlanHandler>().Handle(plan.Command, ct), ct);
        return new SeedReport(itemsDefined, itemsPresent, plansDefined, plansPresent);
    }

    private async Task<(int Defined, int Present)> EachAsync<TRecord, TResult>(
        IReadOnlyList<TRecord> records, string what, Func<IQuerySession, TRecord, Task<bool>> exists,
        Func<IServiceProvider, TRecord, Task<Result<TResult>>> define, CancellationToken ct)
    {
        var (defined, present) = (0, 0);
        foreach (var record in records)
        {
            using var scope = scopes.CreateScope();
            if (await exists(scope.ServiceProvider.GetRequiredService<IQuerySession>(), record))
            {
                present++;
                continue;
            }

            var result = await define(scope.ServiceProvider, record);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"seed {what}: {record} refused: {string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Field}: {e.Message}"))}");
            }

            defined++;
        }

        Progress(what, defined, present, records.Count);
        return (defined, present);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "seed {What}: {Defined} loaded, {Present} already there, {Total} in the files")]
    private partial void Progress(string what, int defined, int present, int total);
}
