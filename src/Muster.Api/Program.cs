using Muster.Agencies;
using Muster.Api.Agencies;
using Muster.Api.Auth;
using Muster.Api.GraphQL;
using Muster.Api.Ide;
using Muster.Api.Operations;
using Muster.Infrastructure;
using Muster.Scheduling;

var builder = WebApplication.CreateBuilder(args);
var database = builder.Configuration.GetConnectionString("Muster")
    ?? throw new InvalidOperationException("ConnectionStrings:Muster is not configured (./run.sh sets it).");

builder.AddMusterTelemetry();
builder.Services
    .AddEventStore(database, store => store.ConfigureAgencies())
    .AddScheduling(database)
    .AddMusterAuthentication(builder.Configuration)
    .AddMusterGraphQL(builder.Configuration)
    .AddMusterHealthChecks()
    .AddSingleton<IdePage>()
    .AddAgencies()
    .AddAgenciesGraph();
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddSingleton<DevelopmentTokens>().AddHostedService(s => s.GetRequiredService<DevelopmentTokens>());
}

var app = builder.Build();
app.UseAuthentication();
app.UseStaticFiles();
app.MapMusterGraphQL();
app.MapMusterHealth();
app.Run();

/// <summary>Entry point; public so that tests can host the real application.</summary>
public partial class Program;
