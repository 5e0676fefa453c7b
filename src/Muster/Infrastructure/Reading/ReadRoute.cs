using Marten;
using Marten.Services;
using Npgsql;

namespace Muster.Infrastructure.Reading;

/// <summary>
/// Where one request (one DI scope) reads: the primary, unless the transport said its reads tolerate lag
/// (<see cref="TolerateLag"/>: a GraphQL query, an export) and a standby is configured. A write never asks, so a
/// mutation, its payload and every read inside it stay on the primary, as do jobs, subscriptions and drills. Decided
/// before the request's first read: the query session and the readers (<see cref="Infrastructure.ReadersModule.AddReader{TService, TImplementation}"/>)
/// take their connection when they are first resolved.
/// </summary>
public sealed class ReadRoute(NpgsqlDataSource primary, StandbyReads standby) : IAsyncDisposable, IDisposable
{
    private bool _pinned;
    private NpgsqlConnection? _connection;

    /// <summary>Whether this request's lag-tolerant reads go to the standby pool.</summary>
    public bool ToStandby { get; private set; }

    /// <summary>The data source this request's readers use.</summary>
    public NpgsqlDataSource DataSource => ToStandby ? standby.DataSource! : primary;

    /// <summary>This request only reads, and a fraction of a second of lag is acceptable for what it reads.</summary>
    public void TolerateLag()
    {
        if (!_pinned && standby.IsConfigured)
        {
            ToStandby = true;
        }
    }

    /// <summary>This request reads on the primary whatever it is (a batch with a mutation, a retry after a standby failed).</summary>
    public void PinToPrimary()
    {
        _pinned = true;
        ToStandby = false;
    }

    /// <summary>The request's query session: on one connection of the standby pool, held until the request ends.</summary>
    public IQuerySession OpenQuerySession(IDocumentStore store)
    {
        if (!ToStandby)
        {
            return store.QuerySession();
        }

        _connection ??= standby.DataSource!.OpenConnection();
        return store.QuerySession(SessionOptions.ForConnection(_connection));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>For scopes disposed synchronously (jobs, drills' services, tests): a scope that resolved a query
    /// session resolved this too, and a container refuses to dispose an only-async service synchronously.</summary>
    public void Dispose() => _connection?.Dispose();
}
