using Muster.Infrastructure;
using Muster.Infrastructure.Text;

namespace Muster.Hazards;

/// <summary>What the ledger's actions check alike.</summary>
public static class HazardRules
{
    public const int MaxName = 200;
    public const int MaxText = 4000;

    /// <summary>The site exists and the caller may change what belongs to it; otherwise the error to answer.</summary>
    public static DomainError? MayWorkOn(HazardSite? site, HazardScope scope)
    {
        if (site is null)
        {
            return DomainError.NotFound("no such hazard site", "siteId");
        }

        return scope.MayChange(site.JurisdictionId) ? null : HazardScope.KeptByOthers;
    }

    /// <summary>A person to call, each part checked and named by its field under <paramref name="field"/>.</summary>
    public static Result<SiteContact?> Contact(SiteContact? contact, string field)
    {
        if (contact is null)
        {
            return Result<SiteContact?>.Ok(null);
        }

        var role = TextRules.Name(contact.Role, field + ".role", 50);
        var name = TextRules.Name(contact.Name, field + ".name", 50);
        var phone = TextRules.Name(contact.Phone, field + ".phone", 30);
        var errors = new[] { role, name, phone }.SelectMany(r => r.Errors).ToList();
        if (errors.Count == 0 && !phone.Value!.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')'))
        {
            errors.Add(DomainError.Validation("a phone number holds digits, spaces, '+', '-' and brackets only", field + ".phone"));
        }

        return errors.Count > 0 ? Result<SiteContact?>.Fail(errors) : new SiteContact(role.Value!, name.Value!, phone.Value!);
    }

    public static Result<T> Fail<T>(params Result<string?>[] checks) => Result<T>.Fail(checks.SelectMany(c => c.Errors).ToList());
}
