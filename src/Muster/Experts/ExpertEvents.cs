using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Experts;

public sealed record ExpertRegistered(
    Guid ExpertId,
    string Name,
    ExpertKind Kind,
    IReadOnlyList<string> Specialties,
    string Contact,
    GeoPoint Location,
    Guid AgencyId,
    OnCallHours? OnCall) : IEventOf<Expert>;

public sealed record ExpertAvailabilityChanged(Guid ExpertId, ExpertAvailability From, ExpertAvailability To, string? Reason) : IEventOf<Expert>;
