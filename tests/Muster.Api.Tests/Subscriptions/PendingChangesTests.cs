using Muster.Api.GraphQL.Subscriptions;

namespace Muster.Api.Tests.Subscriptions;

/// <summary>What a subscription behind the changes waits on: each object once, in the order of its latest change.</summary>
public sealed class PendingChangesTests
{
    [Fact]
    public void An_object_changed_again_while_waiting_is_read_once_after_the_others()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var pending = new PendingChanges();

        pending.Add(a);
        pending.Add(b);
        pending.Add(a);
        pending.Add(c);

        Assert.Equal([b, a, c], pending.Take(10));
        Assert.Empty(pending.Take(10));
    }

    [Fact]
    public void What_waits_is_bounded_by_the_objects_not_the_changes()
    {
        var units = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var pending = new PendingChanges();

        for (var report = 0; report < 10_000; report++)
        {
            pending.Add(units[report % units.Count]);
        }

        Assert.Equal(20, pending.Count);
        Assert.Equal(units.Take(5), pending.Take(5));
        Assert.Equal(15, pending.Count);
    }

    [Fact]
    public void Only_the_first_change_after_all_were_read_wakes_the_reader()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var pending = new PendingChanges();

        Assert.True(pending.Add(a));
        Assert.False(pending.Add(b));
        Assert.False(pending.Add(a));
        pending.Take(2);
        Assert.True(pending.Add(b));
    }
}
