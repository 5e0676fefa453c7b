using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions.Areas;
using Muster.Spatial;

namespace Muster.Jurisdictions.Enterprises;

/// <summary>Enters an enterprise (a coal mine, a chemical plant) or a department in a jurisdiction's handbook, with its responsible persons.</summary>
public sealed record RegisterEnterprise(Guid JurisdictionId, string Name, GeoPoint? Location, IReadOnlyList<ResponsiblePerson> Persons);

public static class RegisterEnterpriseDecision
{
    public static Result<EnterpriseRegistered> Decide(
        Jurisdiction? jurisdiction, RegisterEnterprise command, Guid newId, Actor actor, IReadOnlySet<Guid> maintained)
    {
        if (jurisdiction is null || !JurisdictionVisibility.MaySee(actor, jurisdiction.Id, maintained))
        {
            return DomainError.NotFound("no such jurisdiction", "jurisdictionId");
        }

        if (!JurisdictionRules.MayKeepPeople(actor, jurisdiction.Id, maintained))
        {
            return new DomainError(ErrorCodes.Forbidden, "a jurisdiction's enterprises are kept by admin, commanders, or the agency maintaining it", "jurisdictionId");
        }

        var name = TextRules.Name(command.Name, "name", JurisdictionRules.MaxNameLength);
        var persons = JurisdictionRules.Persons(command.Persons, "responsiblePersons");
        if (!name.Succeeded || !persons.Succeeded)
        {
            return Result<EnterpriseRegistered>.Fail([.. name.Errors, .. persons.Errors]);
        }

        if (jurisdiction.Enterprises.Any(e => e.Name == name.Value))
        {
            return DomainError.Conflict($"'{name.Value}' is already in {jurisdiction.Name}'s handbook", "name");
        }

        if (jurisdiction.Enterprises.Count >= JurisdictionRules.MaxEnterprises)
        {
            return DomainError.Validation($"{jurisdiction.Name} lists {JurisdictionRules.MaxEnterprises} enterprises already", "jurisdictionId");
        }

        if (command.Location is { } location)
        {
            if (GeoPoint.Check(location.Lat, location.Lon) is { } off)
            {
                return off;
            }

            if (jurisdiction.Area is { } area && !JurisdictionGeometry.Read(area).Buffer(1e-5).Covers(location.ToPoint()) && !jurisdiction.Approximate)
            {
                return DomainError.Validation($"location lies outside {jurisdiction.Name}", "location");
            }
        }

        return new EnterpriseRegistered(jurisdiction.Id, newId, name.Value!, command.Location, persons.Value!);
    }
}

public sealed class RegisterEnterpriseHandler(EventWriter writer, IJurisdictionDirectory directory, IActorAccessor actors)
{
    public async Task<Result<Jurisdiction>> Handle(RegisterEnterprise command, CancellationToken ct)
    {
        var maintained = await directory.MaintainedAsync(actors.Current ?? Actor.System, ct);
        return await writer.ChangeAsync<Jurisdiction, EnterpriseRegistered>(command.JurisdictionId,
            (jurisdiction, actor) => RegisterEnterpriseDecision.Decide(jurisdiction, command, Guid.CreateVersion7(), actor, maintained),
            JurisdictionRules.Conflict, ct);
    }
}
