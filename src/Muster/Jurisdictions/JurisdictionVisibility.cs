using Muster.Infrastructure;

namespace Muster.Jurisdictions;

/// <summary>
/// Who may see a jurisdiction: admin, commanders and logistics see the whole network; a partner sees the jurisdictions
/// its agency maintains and every one below them (a township's government: its township and its villages), nothing
/// else — not the county above it, nor a neighbouring township.
/// </summary>
public static class JurisdictionVisibility
{
    /// <param name="maintained">The jurisdictions the viewer's agency maintains (<see cref="IJurisdictionDirectory.MaintainedByAsync"/>); read for a partner only.</param>
    public static bool MaySee(Actor viewer, Guid jurisdictionId, IReadOnlySet<Guid> maintained) =>
        viewer.Role != Role.Partner || maintained.Contains(jurisdictionId);

    /// <summary>What <paramref name="viewer"/>'s agency maintains, or an empty set for anyone who is not a partner (they see all anyway).</summary>
    public static async Task<IReadOnlySet<Guid>> MaintainedAsync(this IJurisdictionDirectory directory, Actor viewer, CancellationToken ct) =>
        viewer is { Role: Role.Partner, AgencyId: { } agency } ? await directory.MaintainedByAsync(agency, ct) : new HashSet<Guid>();
}
