using Npgsql;

namespace Muster.Infrastructure.Reading;

/// <summary>
/// The pool for reads that tolerate a fraction of a second of lag (<c>ConnectionStrings:MusterReads</c>): Npgsql's
/// multi-host data source over the standbys and the primary, preferring a standby and falling back to the primary when
/// none answers. Without that connection string there is no such pool and every read goes to the primary.
/// </summary>
public sealed class StandbyReads : IAsyncDisposable
{
    private readonly NpgsqlMultiHostDataSource? _hosts;

    private StandbyReads(NpgsqlMultiHostDataSource? hosts)
    {
        _hosts = hosts;
        DataSource = hosts?.WithTargetSession(TargetSessionAttributes.PreferStandby);
    }

    public static StandbyReads None { get; } = new(null);

    /// <summary>The standby-first data source, or null when no standby is configured.</summary>
    public NpgsqlDataSource? DataSource { get; }

    public bool IsConfigured => DataSource is not null;

    public static StandbyReads Open(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? None
            : new StandbyReads(EventStoreModule.Configure(new NpgsqlDataSourceBuilder(connectionString), connectionString).BuildMultiHost());

    /// <summary>
    /// Drops the idle connections after a standby failed under a read (stopped, restarted, promoted): the next reads
    /// open new ones, and Npgsql, finding the standby down, takes the primary until it answers again.
    /// </summary>
    public void Forget() => _hosts?.Clear();

    public ValueTask DisposeAsync() => _hosts?.DisposeAsync() ?? ValueTask.CompletedTask;
}
