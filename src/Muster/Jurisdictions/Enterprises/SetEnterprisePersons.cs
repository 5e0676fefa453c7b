using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Jurisdictions.Enterprises;

/// <summary>Replaces an enterprise's responsible persons (矿长, 安全副矿长…): the whole list.</summary>
public sealed record SetEnterprisePersons(Guid EnterpriseId, IReadOnlyList<ResponsiblePerson> Persons);

public static class SetEnterprisePersonsDecision
{
    public static Result<EnterprisePersonsSet?> Decide(Jurisdiction? jurisdiction, SetEnterprisePersons command, Actor actor, IReadOnlySet<Guid> maintained)
    {
        var enterprise = jurisdiction?.Enterprises.FirstOrDefault(e => e.Id == command.EnterpriseId);
        if (jurisdiction is null || enterprise is null || !JurisdictionVisibility.MaySee(actor, jurisdiction.Id, maintained))
        {
            return DomainError.NotFound("no such enterprise", "enterpriseId");
        }

        if (!JurisdictionRules.MayKeepPeople(actor, jurisdiction.Id, maintained))
        {
            return new DomainError(ErrorCodes.Forbidden, "an enterprise's persons are kept by admin, commanders, or the agency maintaining its jurisdiction", "enterpriseId");
        }

        var persons = JurisdictionRules.Persons(command.Persons, "responsiblePersons");
        if (!persons.Succeeded)
        {
            return Result<EnterprisePersonsSet?>.Fail(persons.Errors);
        }

        return persons.Value!.SequenceEqual(enterprise.Persons)
            ? Result<EnterprisePersonsSet?>.Ok(null)
            : new EnterprisePersonsSet(jurisdiction.Id, enterprise.Id, persons.Value!);
    }
}

public sealed class SetEnterprisePersonsHandler(EventWriter writer, IJurisdictionDirectory directory, IActorAccessor actors, IQuerySession session)
{
    public async Task<Result<Jurisdiction>> Handle(SetEnterprisePersons command, CancellationToken ct)
    {
        var maintained = await directory.MaintainedAsync(actors.Current ?? Actor.System, ct);
        var jurisdictionId = await session.Query<Jurisdiction>()
            .Where(j => j.Enterprises.Any(e => e.Id == command.EnterpriseId))
            .Select(j => j.Id).FirstOrDefaultAsync(ct);
        return await writer.ChangeAsync<Jurisdiction, EnterprisePersonsSet?>(jurisdictionId,
            (jurisdiction, actor) => SetEnterprisePersonsDecision.Decide(jurisdiction, command, actor, maintained),
            JurisdictionRules.Conflict, ct);
    }
}
