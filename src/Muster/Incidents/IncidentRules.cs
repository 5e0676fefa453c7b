using Muster.Infrastructure;

namespace Muster.Incidents;

public static class IncidentRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 2000;

    /// <summary>The incident exists and is still open; otherwise the error to answer.</summary>
    public static DomainError? MayChange(Incident? incident) =>
        incident is null ? DomainError.NotFound("no such incident", "incidentId")
        : incident.Status == IncidentStatus.Closed ? DomainError.InvalidState("the incident is closed", "incidentId")
        : null;

    /// <summary>A trimmed text of 1..max characters (or 0..max when optional), or why not.</summary>
    public static Result<string?> Text(string? text, string field, int max, bool required)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if ((required && trimmed.Length == 0) || trimmed.Length > max)
        {
            return DomainError.Validation($"{field} must have {(required ? 1 : 0)} to {max} characters", field);
        }

        return Result<string?>.Ok(trimmed.Length == 0 ? null : trimmed);
    }
}
