using Muster.Api.GraphQL.Relay;
using Muster.Experts;

namespace Muster.Api.Experts;

public sealed class ExpertNodeSource() : DocumentNodeSource<Expert>(ExpertType.TypeName, e => e.Id, ExpertVisibility.MaySee);
