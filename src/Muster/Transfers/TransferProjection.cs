using Muster.Infrastructure.Writing;

namespace Muster.Transfers;

/// <summary>The transfer document, kept inline so a writer fetches it and a reader sees its own writes.</summary>
public partial class TransferProjection : AggregateProjection<Transfer>;
