using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Duty.Watching;

namespace Muster.Api.Tests.Duty;

public sealed class RosterOnAMovableClock : AppFixture
{
    public MovableClock Clock { get; } = new();

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);

    protected override bool TestsRunTheJobs => true;
}

public sealed class DutyWatchTests(RosterOnAMovableClock given) : IClassFixture<RosterOnAMovableClock>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task The_desk_hears_of_a_gap_ahead_and_of_a_handover_falling_due_each_once()
    {
        // A shift from now for 24 hours, the next one from 36 hours on: 12 hours in between nobody is on duty.
        var now = given.Clock.GetUtcNow();
        var first = await DutyCalls.ScheduleAsync(App, DutyCalls.Shift(now, TimeSpan.FromHours(24), leader: "值班领导甲"));
        await DutyCalls.ScheduleAsync(App, DutyCalls.Shift(now.AddHours(36), TimeSpan.FromHours(24), leader: "值班领导乙"));
        // Tokens are checked against the real clock: issue them before the service's clock moves.
        var commander = App.Token("commander");
        await using var gaps = await GraphQLSocket.SubscribeListeningAsync(App, commander, "gaps", "subscription { rosterGap { from until } }");
        await using var due = await GraphQLSocket.ConnectAsync(App, commander);
        await due.SubscribeAsync("due", "subscription { handoverDue { dueAt shift { id leader { name } } next { leader { name } } } }");
        await Eventually.HoldsAsync(() => App.Services.GetRequiredService<Muster.Infrastructure.Changes.ChangeFeed>().SubscriberCount >= 2, "both desks listen");
        using var scope = App.Services.CreateScope();
        var watch = scope.ServiceProvider.GetRequiredService<DutyWatch>();

        var atFirst = await watch.RunAsync(CancellationToken.None);
        var gap = await gaps.ReceiveAsync();
        var again = await watch.RunAsync(CancellationToken.None);
        given.Clock.Advance(TimeSpan.FromHours(23.75));
        var nearTheEnd = await watch.RunAsync(CancellationToken.None);
        var reminder = await due.ReceiveAsync();
        var afterReminder = await watch.RunAsync(CancellationToken.None);
        var listed = await App.PostAsync("{ rosterGaps { from until } }", null, commander);

        Assert.Equal((0, 2), atFirst); // the 12 hours between the shifts, and the end of the roster within 72 hours
        Assert.Equal(DutyCalls.Iso(now.AddHours(24)), DutyCalls.Iso(DateTimeOffset.Parse(gap["payload"]!["data"]!["rosterGap"]!["from"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((0, 0), again);
        Assert.Equal((1, 0), nearTheEnd);
        var said = reminder["payload"]!["data"]!["handoverDue"]!;
        Assert.Equal((first, "值班领导甲"), (said["shift"]!["id"]!.GetValue<string>(), said["shift"]!["leader"]!["name"]!.GetValue<string>()));
        Assert.Equal("值班领导乙", said["next"]!["leader"]!["name"]!.GetValue<string>()); // the next shift on the roster, after the gap
        Assert.Equal((0, 0), afterReminder);
        Assert.Equal(2, listed.Data!["rosterGaps"]!.AsArray().Count);
    }
}
