using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Agencies;
using Muster.Agencies.Registering;
using Muster.Api.Tests.Support;
using Muster.Depots;
using Muster.Depots.Registering;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Api.Tests.Infrastructure;

/// <summary>
/// The one write path against a real database: a writer that loses a race answers CONFLICT and leaves nothing of its
/// own behind, several streams commit together or not at all, and the state a write answers is the stored document.
/// </summary>
public sealed class EventWriterTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly GeoPoint Huozhou = new(36.57, 111.72);
    private static readonly GeoPoint Elsewhere = new(36.61, 111.70);

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_writer_that_loses_the_race_answers_CONFLICT_and_writes_nothing()
    {
        using var scope = App.Services.CreateScope();
        var depotId = await DepotAsync(scope);
        var writer = scope.ServiceProvider.GetRequiredService<EventWriter>();

        var result = await writer.WriteAsync<Depot>(async (session, _, ct) =>
        {
            var stream = await session.Events.FetchForWriting<Depot>(depotId, ct);
            await MoveAsync(depotId, Elsewhere); // another writer commits first
            stream.AppendOne(new DepotPledged(depotId));
            return Written.To(stream);
        }, DepotRules.Conflict, CancellationToken.None);

        Assert.Equal(ErrorCodes.Conflict, Assert.Single(result.Errors).Code);
        var (events, depot) = await StoredAsync(depotId);
        Assert.Equal([typeof(DepotRegistered), typeof(DepotRelocated)], events);
        Assert.False(depot.Shared);
        Assert.Equal(Elsewhere, depot.Location);
    }

    [Fact]
    public async Task A_writer_that_may_decide_again_does_so_on_the_fresh_state()
    {
        using var scope = App.Services.CreateScope();
        var depotId = await DepotAsync(scope);
        var writer = scope.ServiceProvider.GetRequiredService<EventWriter>();
        var attempts = 0;

        var result = await writer.WriteAsync<Depot>(async (session, _, ct) =>
        {
            var stream = await session.Events.FetchForWriting<Depot>(depotId, ct);
            if (++attempts == 1)
            {
                await MoveAsync(depotId, Elsewhere);
            }

            stream.AppendOne(new DepotPledged(depotId));
            return Written.To(stream);
        }, DepotRules.Conflict, CancellationToken.None, OnLostRace.DecideAgain);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(2, attempts);
        Assert.Equal(Elsewhere, result.Value!.Location); // decided on the state the other writer left
        var (events, _) = await StoredAsync(depotId);
        Assert.Equal([typeof(DepotRegistered), typeof(DepotRelocated), typeof(DepotPledged)], events);
    }

    [Fact]
    public async Task Several_streams_commit_together_or_not_at_all()
    {
        using var scope = App.Services.CreateScope();
        var (first, second) = (await DepotAsync(scope), await DepotAsync(scope));
        var writer = scope.ServiceProvider.GetRequiredService<EventWriter>();

        var result = await writer.WriteAsync<Depot>(async (session, _, ct) =>
        {
            var streams = await session.FetchForWritingAsync<Depot>([first, second], ct);
            await MoveAsync(second, Elsewhere); // only the second stream moves on
            streams[first].AppendOne(new DepotPledged(first));
            streams[second].AppendOne(new DepotPledged(second));
            return Written.To(streams[first]);
        }, DepotRules.Conflict, CancellationToken.None);

        Assert.Equal(ErrorCodes.Conflict, Assert.Single(result.Errors).Code);
        var (firstEvents, firstDepot) = await StoredAsync(first);
        var (secondEvents, _) = await StoredAsync(second);
        Assert.Equal([typeof(DepotRegistered)], firstEvents); // the stream that did not move keeps nothing either
        Assert.Equal([typeof(DepotRegistered), typeof(DepotRelocated)], secondEvents);
        Assert.False(firstDepot.Shared);
    }

    [Fact]
    public async Task The_state_a_write_answers_is_the_document_its_projection_stored()
    {
        using var scope = App.Services.CreateScope();
        var depotId = await DepotAsync(scope);
        var writer = scope.ServiceProvider.GetRequiredService<EventWriter>();

        var pledged = await writer.ChangeAsync<Depot, DepotPledged>(depotId, (_, _) => new DepotPledged(depotId), DepotRules.Conflict, CancellationToken.None);

        var (_, stored) = await StoredAsync(depotId);
        Assert.Equal(stored, pledged.Value);
        Assert.True(stored.Shared);
    }

    [Fact]
    public async Task A_refused_decision_writes_nothing()
    {
        using var scope = App.Services.CreateScope();
        var depotId = await DepotAsync(scope);
        var writer = scope.ServiceProvider.GetRequiredService<EventWriter>();

        var refused = await writer.ChangeAsync<Depot, DepotPledged>(depotId,
            (_, _) => DomainError.InvalidState("not now", "depotId"), DepotRules.Conflict, CancellationToken.None);

        Assert.Equal(ErrorCodes.InvalidState, Assert.Single(refused.Errors).Code);
        Assert.Equal([typeof(DepotRegistered)], (await StoredAsync(depotId)).Events);
    }

    private static async Task<Guid> DepotAsync(IServiceScope scope)
    {
        var agency = await scope.ServiceProvider.GetRequiredService<RegisterAgencyHandler>()
            .Handle(new RegisterAgency("写入测试 " + Guid.NewGuid().ToString("N")[..8], AgencyKind.Township, null, null), CancellationToken.None);
        var depot = await scope.ServiceProvider.GetRequiredService<RegisterDepotHandler>()
            .Handle(new RegisterDepot("写入测试库", null, Huozhou, agency.Value!.Id, false), CancellationToken.None);
        return depot.Value!.Id;
    }

    /// <summary>Another writer, on its own scope and session, relocates the depot and commits.</summary>
    private async Task MoveAsync(Guid depotId, GeoPoint to)
    {
        using var scope = App.Services.CreateScope();
        var moved = await scope.ServiceProvider.GetRequiredService<EventWriter>().ChangeAsync<Depot, DepotRelocated>(
            depotId, (_, _) => new DepotRelocated(depotId, to, null), DepotRules.Conflict, CancellationToken.None);
        Assert.True(moved.Succeeded);
    }

    private async Task<(IReadOnlyList<Type> Events, Depot Depot)> StoredAsync(Guid depotId)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(depotId);
        return (events.Select(e => e.EventType).ToList(), (await session.LoadAsync<Depot>(depotId))!);
    }
}
