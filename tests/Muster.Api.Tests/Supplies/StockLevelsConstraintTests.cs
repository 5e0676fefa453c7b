using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Tests.Support;
using Muster.Infrastructure.Writing;
using Muster.Supplies.Levels;
using Muster.Supplies.Receiving;
using Muster.Supplies.Reserving;
using Muster.Supplies;
using Npgsql;

namespace Muster.Api.Tests.Supplies;

/// <summary>
/// The stock-level table's check (available ≥ 0) is the second line of defence: a writer that skipped the decision
/// and over-reserved still cannot commit, and nothing of its save is stored.
/// </summary>
public sealed class StockLevelsConstraintTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int _nextCode = 10;

    private MusterApp App => fixture.App;

    [Fact]
    public async Task An_over_reservation_that_skips_the_decision_is_refused_by_the_database_and_stores_nothing()
    {
        var (depotId, code) = await DepotWithTenTentsAsync();
        using var scope = App.Services.CreateScope();
        var sessions = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var lineId = StockLineId.Of(depotId, code);

        await using (var session = sessions.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<StockLine>(lineId);
            stream.AppendOne(StockReservations.Reserve(stream.Aggregate, Guid.NewGuid(), ReservationHolder.SupplyRequest, 8).Value!);
            await session.SaveChangesAsync();
        }

        await using (var session = sessions.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<StockLine>(lineId);
            stream.AppendOne(new StockReserved(lineId, depotId, code, Guid.NewGuid(), ReservationHolder.SupplyRequest, 5));
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
            Assert.True(EventWriter.IsLostRace(refused), refused.ToString());
        }

        await using var query = sessions.QuerySession();
        var events = await query.Events.FetchStreamAsync(lineId);
        Assert.Equal(2, events.Count);
        var level = Assert.Single(await scope.ServiceProvider.GetRequiredService<StockLevels>()
            .FindAsync(code, depotId, Muster.Infrastructure.Actor.System, CancellationToken.None));
        Assert.Equal((10, 8, 2), (level.OnHand, level.Reserved, level.Available));
        var line = await query.LoadAsync<StockLine>(lineId);
        Assert.Equal((10, 8), (line!.OnHand, line.Reserved));
    }

    [Fact]
    public async Task The_table_refuses_a_row_whose_reservations_exceed_what_is_on_hand()
    {
        var (depotId, code) = await DepotWithTenTentsAsync();
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"update {StockLevelsTable.Name} set reserved = 11 where depot_id = @d and item_code = @c", connection);
        command.Parameters.AddWithValue("d", depotId);
        command.Parameters.AddWithValue("c", code);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(StockLevelsTable.AvailableConstraint, refused.ConstraintName);
    }

    private async Task<(Guid DepotId, string Code)> DepotWithTenTentsAsync()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局 " + Guid.NewGuid().ToString("N")[..6], "BUREAU");
        var depot = await DepotCalls.RegisterAsync(App, agency, "开元库", 36.57, 111.72);
        var code = "10101" + Interlocked.Increment(ref _nextCode); // one item per test: a random pick let both tests draw the same code
        await CatalogCalls.DefineAsync(App, code, "帐篷");
        var depotId = GlobalId.Of("Depot", depot)!.Value;
        using var scope = App.Services.CreateScope();
        var received = await scope.ServiceProvider.GetRequiredService<ReceiveStockHandler>()
            .Handle(new ReceiveStock(depotId, code, 10, "L1", null, StockSource.Procured, null), CancellationToken.None);
        Assert.True(received.Succeeded, string.Join("; ", received.Errors));
        return (depotId, code);
    }
}
