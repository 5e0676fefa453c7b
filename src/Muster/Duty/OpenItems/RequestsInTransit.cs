using Marten;
using Muster.Requests;

namespace Muster.Duty.OpenItems;

/// <summary>Supply requests shipped and not yet delivered, due at their expected arrival.</summary>
public sealed class RequestsInTransit(IQuerySession session) : IOpenItemSource
{
    public async Task<IReadOnlyList<OpenItem>> OpenAtAsync(DateTimeOffset at, CancellationToken ct)
    {
        var shipped = await session.Query<SupplyRequest>()
            .Where(r => r.Status == SupplyRequestStatus.InTransit)
            .OrderBy(r => r.RequestedAt).Take(500).ToListAsync(ct);
        return [.. shipped.Select(r => new OpenItem(OpenItemKind.RequestInTransit, r.Id,
            $"{string.Join(", ", r.Lines.Select(l => $"{l.ItemCode} × {l.Quantity}"))} → {r.Shipment?.Vehicle} ({r.Shipment?.Driver})",
            r.Shipment?.ExpectedArrival))];
    }
}
