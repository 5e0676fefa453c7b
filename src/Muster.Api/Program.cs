using Muster.Agencies;
using Muster.Api.Agencies;
using Muster.Api.Auth;
using Muster.Api.GraphQL;
using Muster.Api.Ide;
using Muster.Api.Operations;
using Muster.Infrastructure;
using Muster.Scheduling;
using Muster.Units;
using Muster.Api.Units;
using Muster.Experts;
using Muster.Api.Experts;
using Muster.Catalog;
using Muster.Api.Catalog;
using Muster.Depots;
using Muster.Api.Depots;
using Muster.Supplies;
using Muster.Requests;
using Muster.Api.Requests;

var builder = WebApplication.CreateBuilder(args);
var database = builder.Configuration.GetConnectionString("Muster")
    ?? throw new InvalidOperationException("ConnectionStrings:Muster is not configured (./run.sh sets it).");

builder.AddMusterTelemetry();
builder.Services
    .AddEventStore(database, store => store.ConfigureAgencies(), store => store.ConfigureUnits(), store => store.ConfigureExperts(), store => store.ConfigureCatalog(), store => store.ConfigureDepots(), store => store.ConfigureSupplies(), store => store.ConfigureRequests())
    .AddScheduling(database)
    .AddMusterAuthentication(builder.Configuration)
    .AddMusterGraphQL(builder.Configuration)
    .AddMusterHealthChecks()
    .AddSingleton<IdePage>()
    .AddAgencies()
    .AddAgenciesGraph()
    .AddUnits(builder.Configuration)
    .AddUnitsGraph()
    .AddExperts(builder.Configuration)
    .AddExpertsGraph()
    .AddCatalog()
    .AddCatalogGraph()
    .AddDepots()
    .AddDepotsGraph()
    .AddSupplies()
    .AddRequests(builder.Configuration)
    .AddRequestsGraph();
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddSingleton<DevelopmentTokens>().AddHostedService(s => s.GetRequiredService<DevelopmentTokens>());
}

var app = builder.Build();
app.UseAuthentication();
app.UseStaticFiles();
app.UseWebSockets();
app.MapMusterGraphQL();
app.MapMusterHealth();
app.Run();

/// <summary>Entry point; public so that tests can host the real application.</summary>
public partial class Program;
