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

var builder = WebApplication.CreateBuilder(args);
var database = builder.Configuration.GetConnectionString("Muster")
    ?? throw new InvalidOperationException("ConnectionStrings:Muster is not configured (./run.sh sets it).");

builder.AddMusterTelemetry();
builder.Services
    .AddEventStore(database)
    .AddScheduling(database)
    .AddMusterAuthentication(builder.Configuration)
    .AddMusterGraphQL(builder.Configuration)
    .AddMusterIdempotency(builder.Configuration)
    .AddMusterHealthChecks()
    .AddMusterRateLimiting(builder.Configuration)
    .AddSingleton<IdePage>()
    .AddAgencies().AddAgenciesGraph()
    .AddJurisdictions().AddJurisdictionsGraph()
    .AddUnits(builder.Configuration).AddUnitsGraph()
    .AddExperts(builder.Configuration).AddExpertsGraph()
    .AddCatalog().AddCatalogGraph().AddLowStockAlerts(builder.Configuration)
    .AddDepots().AddDepotsGraph()
    .AddSupplies().AddStockExpiry(builder.Configuration).AddSuppliesGraph()
    .AddTransfers().AddTransfersGraph()
    .AddRequests(builder.Configuration).AddRequestsGraph()
    .AddPlans().AddPlansGraph()
    .AddDuty(builder.Configuration).AddDutyGraph()
    .AddIncidents().AddIncidentsGraph()
    .AddDispatch().AddDispatchGraph()
    .AddApiKeys().AddApiKeysGraph()
    .AddOffers().AddOffersGraph()
    .AddReports(builder.Configuration).AddReportsGraph()
    .AddAuditGraph()
    .AddMoveUp(builder.Configuration).AddMoveUpGraph()
    .AddHazards(builder.Configuration).AddHazardsGraph()
    .AddReadiness(builder.Configuration)
    .AddWebhooks(builder.Configuration, builder.Environment.IsDevelopment()).AddWebhooksGraph()
    .AddOgcFeatures()
    .AddSpreadsheetsApi()
    .AddMusterCors(builder.Configuration)
    .AddSeeding(builder.Configuration)
    .AddConsole(builder.Configuration);
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddSingleton<DevelopmentTokens>().AddHostedService(s => s.GetRequiredService<DevelopmentTokens>());
}

var app = builder.Build();
app.UseMusterCors();
app.UseAuthentication();
app.UseMusterRateLimiting();
app.UseMusterIdempotency();
app.UseStaticFiles();
app.UseWebSockets();
app.MapMusterGraphQL();
app.MapMusterHealth();
app.MapOgcFeatures();
app.MapSpreadsheets();
app.MapReports();
app.MapEdxlRm();
app.MapConsole();
app.Run();

/// <summary>Entry point; public so that tests can host the real application.</summary>
public partial class Program;
