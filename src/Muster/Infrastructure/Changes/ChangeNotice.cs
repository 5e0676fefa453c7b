using System.Text.Json;

namespace Muster.Infrastructure.Changes;

/// <summary>
/// Events committed to one stream, as every instance hears them on the database channel
/// <see cref="Channel"/>: which stream, of which kind of aggregate, its version after the commit, and
/// the types of the events appended (each type once, in order), and the event store's sequence number of the last of
/// them (0 when unknown), by which an instance knows what it delivered and replays what it missed.
/// </summary>
public sealed record ChangeNotice(Guid Stream, string Kind, long Version, IReadOnlyList<string> Events, long Seq = 0)
{
    public const string Channel = "muster_changes";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The notice in a NOTIFY payload; null when the payload is not one.</summary>
    public static ChangeNotice? Parse(string payload)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<ChangeNotice>(payload, Json);
            return notice is { Kind: not null, Events: not null } ? notice : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
