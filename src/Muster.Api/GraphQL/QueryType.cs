using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.Audit;
using Muster.Api.Catalog;
using Muster.Api.Depots;
using Muster.Api.Experts;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Incidents;
using Muster.Api.Plans;
using Muster.Api.Requests;
using Muster.Api.Supplies;
using Muster.Api.Transfers;
using Muster.Api.Units;
using Muster.Api.Webhooks;
using Muster.Api.Viewer;

namespace Muster.Api.GraphQL;

/// <summary>The query root: each capability adds its own fields.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        NodeFields.AddTo(this);
        ViewerQuery.AddTo(this);
        AgencyQueries.AddTo(this);
        AuditQueries.AddTo(this);
        UnitSpatialQueries.AddTo(this);
        UnitListQueries.AddTo(this);
        ExpertSpatialQueries.AddTo(this);
        ExpertListQueries.AddTo(this);
        ItemQueries.AddTo(this);
        DepotQueries.AddTo(this);
        StockQueries.AddTo(this);
        PlanQueries.AddTo(this);
        IncidentQueries.AddTo(this);
        IncidentHistoryQueries.AddTo(this);
        StockTotalsQuery.AddTo(this);
        StockHistoryQueries.AddTo(this);
        ExpiringLotsQuery.AddTo(this);
        TransferQueries.AddTo(this);
        LowStockQueries.AddTo(this);
        SupplyRequestQueries.AddTo(this);
        WebhookQueries.AddTo(this);
    }
}
