using Muster.Infrastructure.Writing;

namespace Muster.Duty;

/// <summary>The roster document, kept inline: a scheduling reads the roster just written.</summary>
public partial class DutyRosterProjection : AggregateProjection<DutyRoster>;
