using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Incidents;

public sealed record IncidentReported(Guid IncidentId, IncidentKind Kind, ResponseLevel Level, string Title, string? Description, GeoPoint Location, string ReportedBy) : IEventOf<Incident>;

public sealed record IncidentLevelChanged(Guid IncidentId, ResponseLevel From, ResponseLevel To, string Reason) : IEventOf<Incident>;

public sealed record IncidentClosed(Guid IncidentId, string Reason, IReadOnlyList<Guid> ReleasedUnitIds, IReadOnlyList<Guid> ReleasedExpertIds) : IEventOf<Incident>;
