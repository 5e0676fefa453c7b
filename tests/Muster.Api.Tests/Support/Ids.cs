using System.Buffers.Text;
using System.Text;

namespace Muster.Api.Tests.Support;

public static class Ids
{
    /// <summary>A well-formed global id of a type that names no object, as a stale or mistyped id would.</summary>
    public static string Unknown(string typeName) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{Guid.NewGuid():N}"));
}
