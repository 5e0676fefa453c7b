using Marten;

namespace Muster.Infrastructure;

/// <summary>Event headers that record who did what; set on every session that writes.</summary>
public static class ActorMetadata
{
    public const string Subject = "actor-subject";
    public const string Role = "actor-role";
    public const string Agency = "actor-agency";

    public static void Stamp(IDocumentSession session, Actor actor)
    {
        session.LastModifiedBy = actor.Subject;
        session.SetHeader(Subject, actor.Subject);
        session.SetHeader(Role, actor.Role.Name());
        if (actor.AgencyId is { } agency)
        {
            session.SetHeader(Agency, agency.ToString());
        }
    }

    public static Actor? Read(IReadOnlyDictionary<string, object>? headers)
    {
        if (headers is null || !headers.TryGetValue(Subject, out var subject))
        {
            return null;
        }

        var role = Roles.TryParse(headers.GetValueOrDefault(Role)?.ToString(), out var parsed) ? parsed : Infrastructure.Role.Partner;
        Guid? agency = Guid.TryParse(headers.GetValueOrDefault(Agency)?.ToString(), out var id) ? id : null;
        return new Actor(subject.ToString() ?? "", role, agency);
    }
}
