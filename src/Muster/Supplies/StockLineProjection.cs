using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Supplies;

/// <summary>The stock-line document, kept inline so a writer fetches it and a reader sees its own writes.</summary>
public partial class StockLineProjection : SingleStreamProjection<StockLine, Guid>
{
    public static StockLine Create(IEvent<StockReceived> e) => StockLineEvolution.Evolve(null, e.Data, e.Timestamp);

    public static StockLine Apply(IEvent<StockReceived> e, StockLine line) => StockLineEvolution.Evolve(line, e.Data, e.Timestamp);

    public static StockLine Apply(IEvent<StockReserved> e, StockLine line) => StockLineEvolution.Evolve(line, e.Data, e.Timestamp);

    public static StockLine Apply(IEvent<ReservationReleased> e, StockLine line) => StockLineEvolution.Evolve(line, e.Data, e.Timestamp);

    public static StockLine Apply(IEvent<StockIssued> e, StockLine line) => StockLineEvolution.Evolve(line, e.Data, e.Timestamp);

    public static StockLine Apply(IEvent<StockCounted> e, StockLine line) => StockLineEvolution.Evolve(line, e.Data, e.Timestamp);

    public static StockLine Apply(IEvent<StockWrittenOff> e, StockLine line) => StockLineEvolution.Evolve(line, e.Data, e.Timestamp);

    public static StockLine Apply(IEvent<LotExpiryWarned> e, StockLine line) => StockLineEvolution.Evolve(line, e.Data, e.Timestamp);
}
