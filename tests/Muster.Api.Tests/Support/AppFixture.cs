namespace Muster.Api.Tests.Support;

/// <summary>One database and one running service for a test class; dropped afterwards.</summary>
public class AppFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private MusterApp? _app;

    public MusterApp App => _app ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary>The class's database, created before <see cref="Settings"/> is read.</summary>
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("fixture not initialised");

    protected virtual string Environment => "Production";

    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services the test replaces (a clock it controls, say), registered after the application's own.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services => null;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new MusterApp(_database, Environment, Settings, Services);
        using var client = _app.CreateClient(); // starts the host: schema applied, scheduler started
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
