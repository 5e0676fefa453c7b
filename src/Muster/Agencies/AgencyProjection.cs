using Muster.Infrastructure.Writing;

namespace Muster.Agencies;

/// <summary>Keeps the <see cref="Agency"/> document in step with its stream (inline: read-your-writes).</summary>
public partial class AgencyProjection : AggregateProjection<Agency>;
