using System.Text;

namespace Muster.Api.Tests.Console;

/// <summary>
/// Reads the features of a Mapbox vector tile (protobuf, spec 2.1) far enough for the tests: each feature's string
/// properties id, kind and status. Written out because the format is small and fixed; any decoding slip fails the tests.
/// </summary>
public static class MapboxTile
{
    public static List<(string Id, string Kind, string Status)> Features(byte[] tile)
    {
        var found = new List<(string, string, string)>();
        foreach (var (field, layer) in Messages(tile))
        {
            if (field != 3)
            {
                continue;
            }

            var keys = new List<string>();
            var values = new List<string>();
            var features = new List<byte[]>();
            foreach (var (f, bytes) in Messages(layer))
            {
                switch (f)
                {
                    case 2: features.Add(bytes); break;
                    case 3: keys.Add(Encoding.UTF8.GetString(bytes)); break;
                    case 4: values.Add(Messages(bytes).Where(m => m.Field == 1).Select(m => Encoding.UTF8.GetString(m.Bytes)).FirstOrDefault() ?? ""); break;
                }
            }

            foreach (var feature in features)
            {
                var tags = Messages(feature).Where(m => m.Field == 2).SelectMany(m => Varints(m.Bytes)).ToList();
                var properties = new Dictionary<string, string>();
                for (var i = 0; i + 1 < tags.Count; i += 2)
                {
                    properties[keys[(int)tags[i]]] = values[(int)tags[i + 1]];
                }

                found.Add((properties["id"], properties["kind"], properties["status"]));
            }
        }

        return found;
    }

    /// <summary>The length-delimited fields of a message (varint fields are skipped).</summary>
    private static IEnumerable<(int Field, byte[] Bytes)> Messages(byte[] message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var wire = (int)(key & 7);
            var field = (int)(key >> 3);
            switch (wire)
            {
                case 0: Varint(message, ref at); break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    yield return (field, message[at..(at + length)]);
                    at += length;
                    break;
                case 1: at += 8; break;
                case 5: at += 4; break;
                default: throw new InvalidDataException($"wire type {wire}");
            }
        }
    }

    private static IEnumerable<ulong> Varints(byte[] packed)
    {
        var at = 0;
        while (at < packed.Length)
        {
            yield return Varint(packed, ref at);
        }
    }

    private static ulong Varint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
