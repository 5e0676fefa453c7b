using Muster.Infrastructure;
using Muster.Infrastructure.Text;

namespace Muster.Jurisdictions;

/// <summary>
/// Who keeps the supervision network: admin and commanders register and edit every jurisdiction; a partner whose agency
/// maintains a jurisdiction (a township's government) keeps that jurisdiction's people and enterprises, and those of
/// every jurisdiction below it.
/// </summary>
public static class JurisdictionRules
{
    public const int MaxNameLength = 200;
    public const int MaxPersons = 50;
    public const int MaxEnterprises = 500;

    /// <summary>More people than any county-level city holds: a larger figure is a typing error.</summary>
    public const int MaxPopulation = 50_000_000;

    public static readonly DomainError Conflict = DomainError.Conflict("the jurisdiction changed meanwhile; read it again and retry", "jurisdictionId");

    public static bool MayKeepNetwork(Actor actor) => actor.Role is Role.Admin or Role.Commander;

    /// <param name="maintained">The jurisdictions the actor's agency maintains (<see cref="IJurisdictionDirectory.MaintainedByAsync"/>).</param>
    public static bool MayKeepPeople(Actor actor, Guid jurisdictionId, IReadOnlySet<Guid> maintained) =>
        MayKeepNetwork(actor) || (actor.Role == Role.Partner && maintained.Contains(jurisdictionId));

    /// <summary>The level a parent must have: none for a county, a county for a township, a township for a village.</summary>
    public static JurisdictionLevel? ParentLevel(JurisdictionLevel level) => level switch
    {
        JurisdictionLevel.Township => JurisdictionLevel.County,
        JurisdictionLevel.Village => JurisdictionLevel.Township,
        _ => null,
    };

    /// <summary>A list of responsible persons, each with a role, a name and a phone, tidied; or the first thing wrong, naming <paramref name="field"/>[i].</summary>
    public static Result<IReadOnlyList<ResponsiblePerson>> Persons(IReadOnlyList<ResponsiblePerson>? persons, string field)
    {
        persons ??= [];
        if (persons.Count > MaxPersons)
        {
            return DomainError.Validation($"{field} lists {persons.Count} persons; at most {MaxPersons}", field);
        }

        var tidy = new List<ResponsiblePerson>();
        for (var i = 0; i < persons.Count; i++)
        {
            var at = $"{field}[{i}]";
            var role = TextRules.Name(persons[i].Role, at + ".role", 50);
            var name = TextRules.Name(persons[i].Name, at + ".name", 100);
            var phone = Phone(persons[i].Phone, at + ".phone");
            if (!role.Succeeded || !name.Succeeded || !phone.Succeeded)
            {
                return Result<IReadOnlyList<ResponsiblePerson>>.Fail([.. role.Errors, .. name.Errors, .. phone.Errors]);
            }

            tidy.Add(new ResponsiblePerson(role.Value!, name.Value!, phone.Value!));
        }

        return tidy;
    }

    /// <summary>A phone number as people write it: digits, with spaces, dashes, parentheses, a leading + or an extension (转).</summary>
    public static Result<string?> Phone(string? phone, string field)
    {
        var checkedPhone = TextRules.Name(phone, field, 40);
        if (!checkedPhone.Succeeded)
        {
            return checkedPhone;
        }

        var text = checkedPhone.Value!;
        var digits = text.Count(char.IsAsciiDigit);
        if (digits < 3 || text.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '+' or '转' or ',' or 'x' or 'X')))
        {
            return DomainError.Validation($"{field} must be a phone number (digits, spaces, -, parentheses, + or 转), got '{text}'", field);
        }

        return text;
    }
}
