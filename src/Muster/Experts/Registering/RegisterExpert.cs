using Marten;
using Muster.Agencies;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Experts.Registering;

/// <param name="OnCall">Daily hours as <c>HH:mm-HH:mm</c> (see <see cref="OnCallHours"/>); null when the expert has no fixed hours.</param>
public sealed record RegisterExpert(
    string Name,
    ExpertKind Kind,
    IReadOnlyList<string> Specialties,
    string Contact,
    GeoPoint Location,
    Guid AgencyId,
    string? OnCall);

public static class RegisterExpertDecision
{
    public const int MaxNameLength = 200;
    public const int MaxContactLength = 200;

    public static Result<ExpertRegistered> Decide(RegisterExpert command, Guid newId, Actor actor, bool agencyExists)
    {
        if (actor.Role == Role.Partner && actor.AgencyId != command.AgencyId)
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner registers experts of its own agency only", "agencyId");
        }

        var checkedName = TextRules.Name(command.Name, "name", MaxNameLength);
        var checkedContact = TextRules.Name(command.Contact, "contact", MaxContactLength);
        if (!checkedName.Succeeded || !checkedContact.Succeeded)
        {
            return Result<ExpertRegistered>.Fail([.. checkedName.Errors, .. checkedContact.Errors]);
        }

        var (name, contact) = (checkedName.Value!, checkedContact.Value!);

        if (GeoPoint.Check(command.Location.Lat, command.Location.Lon) is { } invalid)
        {
            return invalid;
        }

        var specialties = Tags.Normalize(command.Specialties, "specialties");
        if (!specialties.Succeeded)
        {
            return Result<ExpertRegistered>.Fail(specialties.Errors);
        }

        if (specialties.Value!.Count == 0)
        {
            return DomainError.Validation("an expert needs at least one specialty, e.g. mine-ventilation", "specialties");
        }

        var onCall = command.OnCall is null ? null : OnCallHours.Parse(command.OnCall);
        if (onCall is { Succeeded: false })
        {
            return Result<ExpertRegistered>.Fail(onCall.Errors);
        }

        if (!agencyExists)
        {
            return DomainError.NotFound("no such agency", "agencyId");
        }

        return new ExpertRegistered(newId, name, command.Kind, specialties.Value, contact, command.Location, command.AgencyId, onCall?.Value);
    }
}

public sealed class RegisterExpertHandler(EventWriter writer)
{
    public Task<Result<Expert>> Handle(RegisterExpert command, CancellationToken ct) =>
        writer.StartAsync<Expert, ExpertRegistered>(
            async (session, actor, token) => RegisterExpertDecision.Decide(
                command, Guid.CreateVersion7(), actor, await session.LoadAsync<Agency>(command.AgencyId, token) is not null),
            registered => registered.ExpertId, null, ct);
}
