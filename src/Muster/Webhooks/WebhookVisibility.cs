using Muster.Agencies;
using Muster.Infrastructure;

namespace Muster.Webhooks;

/// <summary>Who may see a webhook and its deliveries: an admin every agency's; a partner its own agency's only.</summary>
public static class WebhookVisibility
{
    public static bool MaySee(Actor viewer, Webhook webhook) => AgencyVisibility.MaySee(viewer, webhook.AgencyId);

    /// <summary>The same rule as <see cref="MaySee"/>, for a Marten query.</summary>
    public static IQueryable<Webhook> VisibleTo(this IQueryable<Webhook> webhooks, Actor viewer) =>
        AgencyVisibility.OwnAgencyOnly(viewer) is { } own ? webhooks.Where(w => w.AgencyId == own) : webhooks;
}
