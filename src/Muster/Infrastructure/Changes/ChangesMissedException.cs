namespace Muster.Infrastructure.Changes;

/// <summary>
/// Ends a feed subscription whose changes cannot all be delivered (too many were committed while the feed was away,
/// or the objects could not be read back): the subscriber must subscribe again and re-read what it shows.
/// </summary>
public sealed class ChangesMissedException(string message, Exception? cause = null) : Exception(message, cause)
{
    public const string Code = "CHANGES_MISSED";
}
