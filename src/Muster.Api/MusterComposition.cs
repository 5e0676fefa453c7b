using Muster.Agencies;
using Muster.ApiKeys;
using Muster.Api.Agencies;
using Muster.Api.ApiKeys;
using Muster.Api.Audit;
using Muster.Api.Auth;
using Muster.Api.Catalog;
using Muster.Api.BrowserConsole;
using Muster.Api.Depots;
using Muster.Api.Dispatch;
using Muster.Api.Duty;
using Muster.Api.Experts;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Idempotency;
using Muster.Api.Hazards;
using Muster.Api.Ide;
using Muster.Api.Incidents;
using Muster.Api.Interop.Cors;
using Muster.Api.Interop.Edxl;
using Muster.Api.Interop.Ogc;
using Muster.Api.Interop.Spreadsheets;
using Muster.Api.Jurisdictions;
using Muster.Api.Offers;
using Muster.Api.Operations;
using Muster.Api.Operations.RateLimiting;
using Muster.Api.Plans;
using Muster.Api.Readiness;
using Muster.Api.Reading;
using Muster.Api.Reports;
using Muster.Api.Requests;
using Muster.Api.Supplies;
using Muster.Api.Transfers;
using Muster.Api.Units;
using Muster.Api.Webhooks;
using Muster.Catalog;
using Muster.Depots;
using Muster.Dispatch;
using Muster.Duty;
using Muster.Experts;
using Muster.Hazards;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Offers;
using Muster.Plans;
using Muster.Readiness;
using Muster.Reports;
using Muster.Requests;
using Muster.Scheduling;
using Muster.Seeding;
using Muster.Supplies;
using Muster.Transfers;
using Muster.Units;
using Muster.Webhooks;

namespace Muster.Api;

/// <summary>
/// The service's composition, one list: the real service (<c>Program.cs</c>) and each drill's world (its own services over
/// its copy of the database, <see cref="Drills.Worlds.DrillWorlds"/>) are built from it, so a drill runs the same engine.
/// </summary>
public static class MusterComposition
{
    public static IServiceCollection AddMusterCapabilities(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetConnectionString("Muster")
            ?? throw new InvalidOperationException("ConnectionStrings:Muster is not configured (./run.sh sets it).");
        return services
            .AddEventStore(database, configuration.GetConnectionString("MusterReads")).AddStandbyRouting()
            .AddScheduling(database)
            .AddMusterAuthentication(configuration)
            .AddMusterGraphQL(configuration)
            .AddMusterIdempotency(configuration)
            .AddMusterHealthChecks()
            .AddMusterRateLimiting(configuration)
            .AddSingleton<IdePage>()
            .AddAgencies().AddAgenciesGraph()
            .AddJurisdictions().AddJurisdictionsGraph()
            .AddUnits(configuration).AddUnitsGraph()
            .AddExperts(configuration).AddExpertsGraph()
            .AddCatalog().AddCatalogGraph().AddLowStockAlerts(configuration)
            .AddDepots().AddDepotsGraph()
            .AddSupplies().AddStockExpiry(configuration).AddSuppliesGraph()
            .AddTransfers().AddTransfersGraph()
            .AddRequests(configuration).AddRequestsGraph()
            .AddPlans().AddPlansGraph()
            .AddDuty(configuration).AddDutyGraph()
            .AddIncidents().AddIncidentsGraph()
            .AddDispatch().AddDispatchGraph()
            .AddApiKeys().AddApiKeysGraph()
            .AddOffers().AddOffersGraph()
            .AddReports(configuration).AddReportsGraph()
            .AddAuditGraph()
            .AddHazards(configuration).AddHazardsGraph()
            .AddReadiness(configuration).AddCoverageGraph()
            .AddMoveUp(configuration).AddMoveUpGraph()
            .AddWebhooks(configuration, environment.IsDevelopment()).AddWebhooksGraph()
            .AddOgcFeatures()
            .AddSpreadsheetsApi()
            .AddMusterCors(configuration)
            .AddSeeding(configuration)
            .AddConsole(configuration);
    }
}
