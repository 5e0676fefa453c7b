using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Jurisdictions.Staffing;

/// <summary>Replaces who answers for a jurisdiction (the whole list: roles like 党委书记, 乡镇长, 安全分管领导, with phones).</summary>
public sealed record SetResponsiblePersons(Guid JurisdictionId, IReadOnlyList<ResponsiblePerson> Persons);

public static class SetResponsiblePersonsDecision
{
    public static Result<ResponsiblePersonsSet?> Decide(Jurisdiction? jurisdiction, SetResponsiblePersons command, Actor actor, IReadOnlySet<Guid> maintained)
    {
        if (jurisdiction is null || !JurisdictionVisibility.MaySee(actor, jurisdiction.Id, maintained))
        {
            return DomainError.NotFound("no such jurisdiction", "jurisdictionId");
        }

        if (!JurisdictionRules.MayKeepPeople(actor, jurisdiction.Id, maintained))
        {
            return new DomainError(ErrorCodes.Forbidden, "a jurisdiction's persons are kept by admin, commanders, or the agency maintaining it", "jurisdictionId");
        }

        var persons = JurisdictionRules.Persons(command.Persons, "responsiblePersons");
        if (!persons.Succeeded)
        {
            return Result<ResponsiblePersonsSet?>.Fail(persons.Errors);
        }

        return persons.Value!.SequenceEqual(jurisdiction.Persons)
            ? Result<ResponsiblePersonsSet?>.Ok(null)
            : new ResponsiblePersonsSet(jurisdiction.Id, persons.Value!);
    }
}

public sealed class SetResponsiblePersonsHandler(EventWriter writer, IJurisdictionDirectory directory, IActorAccessor actors)
{
    public async Task<Result<Jurisdiction>> Handle(SetResponsiblePersons command, CancellationToken ct)
    {
        var maintained = await directory.MaintainedAsync(actors.Current ?? Actor.System, ct);
        return await writer.ChangeAsync<Jurisdiction, ResponsiblePersonsSet?>(command.JurisdictionId,
            (jurisdiction, actor) => SetResponsiblePersonsDecision.Decide(jurisdiction, command, actor, maintained),
            JurisdictionRules.Conflict, ct);
    }
}
