using System.Buffers.Text;
using System.Text;

namespace Muster.Api.GraphQL.Relay;

/// <summary>Opaque Relay ids: base64url of "TypeName:uuid". Clients must not parse them.</summary>
public static class GlobalId
{
    public const string Agency = "Agency";

    public static string Encode(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 100)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[Base64Url.GetMaxDecodedLength(globalId.Length)];
        if (Base64Url.DecodeFromChars(globalId, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Guid.TryParseExact(text[(colon + 1)..], "N", out id))
        {
            return false;
        }

        typeName = text[..colon];
        return true;
    }

    /// <summary>The raw id when <paramref name="globalId"/> names an object of <paramref name="typeName"/>.</summary>
    public static Guid? Of(string typeName, string? globalId) =>
        TryDecode(globalId, out var type, out var id) && type == typeName ? id : null;
}
