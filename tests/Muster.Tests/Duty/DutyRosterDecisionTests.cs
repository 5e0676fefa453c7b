using Muster.Duty;
using Muster.Duty.HandingOver;
using Muster.Duty.OpenItems;
using Muster.Duty.Scheduling;
using Muster.Duty.Watching;
using Muster.Infrastructure;

namespace Muster.Tests.Duty;

public sealed class DutyRosterDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 30, 0, TimeSpan.Zero); // 08:30 in Shanghai
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();
    private static readonly Actor Leader = new("duty-leader", Role.Commander, null);

    private static ScheduleDuty Shift(DateTimeOffset from, double hours, string? login = null) =>
        new(new DutyPersonInput("值班领导甲", "0357-0000001", login), [new DutyPersonInput("值班员甲", "0357-0000101", null)], from, from.AddHours(hours));

    private static DutyRoster Roster(params (Guid Id, ScheduleDuty Shift)[] shifts) =>
        shifts.Aggregate(DutyRoster.Empty, (roster, s) =>
            DutyRosterEvolution.Evolve(roster, ScheduleDutyDecision.Decide(roster, s.Shift, s.Id, Now).Value!, Now));

    [Fact]
    public void Given_a_shift_when_another_starts_before_it_ends_then_it_is_refused_on_startsAt_and_a_shift_starting_at_its_end_is_not()
    {
        var roster = Roster((First, Shift(Now, 24)));

        var overlapping = ScheduleDutyDecision.Decide(roster, Shift(Now.AddHours(23), 24), Guid.NewGuid(), Now);
        var following = ScheduleDutyDecision.Decide(roster, Shift(Now.AddHours(24), 24), Guid.NewGuid(), Now);

        Assert.Equal(("VALIDATION", "startsAt"), (overlapping.Errors[0].Code, overlapping.Errors[0].Field));
        Assert.True(following.Succeeded);
    }

    [Fact]
    public void Given_an_empty_roster_when_a_shift_has_no_leader_or_is_over_then_it_is_refused_naming_the_field()
    {
        var noLeader = ScheduleDutyDecision.Decide(DutyRoster.Empty, Shift(Now, 24) with { Leader = null }, Guid.NewGuid(), Now);
        var over = ScheduleDutyDecision.Decide(DutyRoster.Empty, Shift(Now.AddDays(-2), 24), Guid.NewGuid(), Now);
        var running = ScheduleDutyDecision.Decide(DutyRoster.Empty, Shift(Now.AddHours(-1), 24), Guid.NewGuid(), Now);

        Assert.Equal("leader", noLeader.Errors[0].Field);
        Assert.Equal("endsAt", over.Errors[0].Field);
        Assert.True(running.Succeeded); // a shift may start in the past to cover the present
    }

    [Fact]
    public void Given_the_shift_on_duty_when_its_leader_hands_over_then_the_next_shift_receives_the_open_items_and_a_second_handover_is_refused()
    {
        var roster = Roster((First, Shift(Now.AddHours(-1), 24, "duty-leader")), (Second, Shift(Now.AddHours(23), 24)));
        OpenItem[] open = [new(OpenItemKind.IncidentOpen, Guid.NewGuid(), "某煤矿透水事故", null)];

        var stranger = HandOverDutyDecision.Decide(roster, new HandOverDuty(First, null), Actor.System, Now, TimeSpan.FromHours(2), open);
        var handed = HandOverDutyDecision.Decide(roster, new HandOverDuty(First, "交班"), Leader, Now, TimeSpan.FromHours(2), open);
        var after = DutyRosterEvolution.Evolve(roster, handed.Value!, Now);
        var twice = HandOverDutyDecision.Decide(after, new HandOverDuty(First, null), Leader, Now, TimeSpan.FromHours(2), open);

        Assert.Equal(ErrorCodes.Forbidden, stranger.Errors[0].Code);
        Assert.Equal(Second, handed.Value!.ToShiftId);
        Assert.Equal(open, after.Find(Second)!.Received!.OpenItems);
        Assert.Equal(("INVALID_STATE", "shiftId"), (twice.Errors[0].Code, twice.Errors[0].Field));
    }

    [Fact]
    public void Given_a_gap_ahead_and_a_shift_ending_soon_when_the_watch_looks_twice_then_each_is_said_once()
    {
        var options = new DutyOptions();
        var roster = Roster((First, Shift(Now.AddHours(-23), 23.5)), (Second, Shift(Now.AddHours(12), 24)));

        var said = DutyWatch.Look(roster, Now, options);
        var again = DutyWatch.Look(said.Aggregate(roster, (r, e) => DutyRosterEvolution.Evolve(r, e, Now)), Now, options);

        Assert.Single(said.OfType<HandoverReminderIssued>(), r => r.ShiftId == First);
        Assert.Equal([new RosterGap(Now.AddMinutes(30), Now.AddHours(12)), new RosterGap(Now.AddHours(36), null)],
            said.OfType<RosterGapReported>().Select(g => new RosterGap(g.From, g.Until)));
        Assert.Empty(again);
        Assert.Empty(DutyWatch.Look(DutyRoster.Empty, Now, options)); // a roster never kept says nothing
    }
}
