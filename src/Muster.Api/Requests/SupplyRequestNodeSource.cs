using Muster.Api.GraphQL.Relay;
using Muster.Requests;

namespace Muster.Api.Requests;

/// <summary>Requests by id, through <see cref="RequestRules.MaySee"/>: a partner gets its own agency's only.</summary>
public sealed class SupplyRequestNodeSource()
    : DocumentNodeSource<SupplyRequest>(SupplyRequestType.TypeName, r => r.Id, RequestRules.MaySee);
