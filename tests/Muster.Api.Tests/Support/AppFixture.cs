using Microsoft.Extensions.DependencyInjection;
using Quartz;

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

    /// <summary>
    /// Whether the class's tests run the scheduled jobs themselves. Then Quartz's own runs (when the service starts, then
    /// every few minutes of real time) are paused once it is up, and one in flight is waited out: such a run could fall
    /// between a test's steps and do the work the test's own run is asserted to do.
    /// </summary>
    protected virtual bool TestsRunTheJobs => false;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new MusterApp(_database, Environment, Settings, Services);
        using var client = _app.CreateClient(); // starts the host: schema applied, scheduler started
        if (TestsRunTheJobs)
        {
            await PauseScheduledJobsAsync();
        }
    }

    private async Task PauseScheduledJobsAsync()
    {
        var scheduler = await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.PauseAll();
        await Eventually.HoldsAsync(
            async () => (await scheduler.QueryFireInstances(new FireInstanceQuery())).Items.Count == 0,
            "Quartz's own runs of the jobs have ended");
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
