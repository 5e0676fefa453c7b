using System.Security.Cryptography;
using System.Text;

namespace Muster.Infrastructure;

/// <summary>Name-based UUIDs (version 5, RFC 9562): the same name in the same namespace always gives the same id.</summary>
public static class NameBasedId
{
    public static Guid Create(Guid space, string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        space.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; it names, it does not protect.
        SHA1.HashData(bytes, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
