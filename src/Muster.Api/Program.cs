using Muster.Api;
using Muster.Api.Auth;
using Muster.Api.Drills;
using Muster.Api.Ide;
using Muster.Api.Interop.Cors;
using Muster.Api.Interop.Edxl;
using Muster.Api.Interop.Ogc;
using Muster.Api.Interop.Spreadsheets;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Idempotency;
using Muster.Api.BrowserConsole;
using Muster.Api.Operations;
using Muster.Api.Operations.Rebuilding;
using Muster.Api.Operations.RateLimiting;
using Muster.Api.Reading;
using Muster.Api.Reports;

var builder = WebApplication.CreateBuilder(args);
builder.AddMusterTelemetry();
builder.Services
    .AddMusterCapabilities(builder.Configuration, builder.Environment)
    .AddDrillWorlds(builder.Configuration).AddDrillsGraph();
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddSingleton<DevelopmentTokens>().AddHostedService(s => s.GetRequiredService<DevelopmentTokens>());
}

var rebuilding = RebuildCommand.Asked(args);
if (rebuilding)
{
    RebuildCommand.LogToStandardError(builder.Services);
}

var app = builder.Build();
if (rebuilding)
{
    return await RebuildCommand.RunAsync(app.Services, args);
}

app.UseMusterCors();
app.UseStandbyReads();
app.UseAuthentication();
app.UseMusterRateLimiting();
app.UseMusterIdempotency();
app.UseStaticFiles();
app.UseWebSockets();
app.MapMusterGraphQL();
app.MapDrills();
app.MapMusterHealth();
app.MapOgcFeatures();
app.MapSpreadsheets();
app.MapReports();
app.MapEdxlRm();
app.MapConsole();
app.Run();
return 0;

/// <summary>Entry point; public so that tests can host the real application.</summary>
public partial class Program;
