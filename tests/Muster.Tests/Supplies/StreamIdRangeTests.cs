using Muster.Supplies.Rebuilding;

namespace Muster.Tests.Supplies;

public sealed class StreamIdRangeTests
{
    [Fact]
    public void Given_four_ranges_when_splitting_then_they_cut_the_ids_by_their_first_byte_and_each_begins_where_the_last_ended()
    {
        var ranges = StreamIdRange.Split(4);

        Assert.Equal(
            [
                new StreamIdRange(Guid.Empty, Guid.Parse("40000000-0000-0000-0000-000000000000")),
                new StreamIdRange(Guid.Parse("40000000-0000-0000-0000-000000000000"), Guid.Parse("80000000-0000-0000-0000-000000000000")),
                new StreamIdRange(Guid.Parse("80000000-0000-0000-0000-000000000000"), Guid.Parse("c0000000-0000-0000-0000-000000000000")),
                new StreamIdRange(Guid.Parse("c0000000-0000-0000-0000-000000000000"), null),
            ],
            ranges);
    }

    [Fact]
    public void Given_no_streams_when_splitting_then_one_range_holds_every_id() =>
        Assert.Equal([new StreamIdRange(Guid.Empty, null)], StreamIdRange.Split(0));
}
