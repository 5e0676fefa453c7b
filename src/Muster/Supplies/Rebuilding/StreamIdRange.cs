using System.Buffers.Binary;

namespace Muster.Supplies.Rebuilding;

/// <summary>
/// Stream ids from <see cref="From"/> up to, not including, <see cref="To"/> (none: to the last), in PostgreSQL's order of
/// uuids: their bytes compared first to last.
/// </summary>
public sealed record StreamIdRange(Guid From, Guid? To)
{
    /// <summary>
    /// Every id, cut into <paramref name="count"/> ranges of equal width by the ids' first eight bytes: ids that are hashes
    /// or random (the stock lines' are hashes of depot and item) fall about evenly into them, and no id is in two.
    /// </summary>
    public static IReadOnlyList<StreamIdRange> Split(long count)
    {
        count = Math.Max(1, count);
        var bounds = new List<Guid>();
        for (long i = 1; i < count; i++)
        {
            bounds.Add(IdStartingWith((ulong)(((UInt128)(ulong)i << 64) / (ulong)count)));
        }

        return [.. bounds.Prepend(Guid.Empty).Select((from, i) => new StreamIdRange(from, i < bounds.Count ? bounds[i] : null))];
    }

    private static Guid IdStartingWith(ulong firstBytes)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, firstBytes);
        return new Guid(bytes, bigEndian: true);
    }
}
