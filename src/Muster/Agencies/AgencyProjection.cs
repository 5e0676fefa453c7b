using JasperFx.Events;
using Marten.Events.Aggregation;
using Muster.Agencies.Registering;

namespace Muster.Agencies;

/// <summary>Keeps the <see cref="Agency"/> document in step with its stream (inline: read-your-writes).</summary>
public partial class AgencyProjection : SingleStreamProjection<Agency, Guid>
{
    public static Agency Create(IEvent<AgencyRegistered> registered) =>
        Agency.Create(registered.Data, registered.Timestamp);
}
