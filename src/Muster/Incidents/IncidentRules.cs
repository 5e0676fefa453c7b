using Muster.Infrastructure;
using Muster.Infrastructure.Text;

namespace Muster.Incidents;

public static class IncidentRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 2000;

    public static readonly DomainError Conflict = DomainError.Conflict("the incident changed meanwhile; read it again and retry", "incidentId");

    /// <summary>The incident exists and is still open; otherwise the error to answer.</summary>
    public static DomainError? MayChange(Incident? incident) =>
        incident is null ? DomainError.NotFound("no such incident", "incidentId")
        : incident.Status == IncidentStatus.Closed ? DomainError.InvalidState("the incident is closed", "incidentId")
        : null;

    /// <summary>A trimmed text of 1..max characters (or 0..max when optional), or why not.</summary>
    public static Result<string?> Text(string? text, string field, int max, bool required) =>
        max <= MaxTitleLength ? TextRules.Name(text, field, max, required) : TextRules.FreeText(text, field, max, required);
}
