using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Auth;
using Muster.Infrastructure;
using Npgsql;

namespace Muster.Api.Tests.Support;

/// <summary>The real service, hosted in-process over its own PostgreSQL + PostGIS database, called through HTTP.</summary>
public sealed class MusterApp : WebApplicationFactory<Program>
{
    public const string SigningKey = "muster-tests-signing-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public MusterApp(
        TestDatabase database,
        string environment = "Production",
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        Database = database;
        Environment = environment;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Muster"] = database.ConnectionString,
            ["Auth:SigningKey"] = SigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }
    public string Environment { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    public string Token(string role, Guid? agency = null, string? subject = null) =>
        Token(role, agency?.ToString(), subject);

    /// <summary>A token whose agency claim is given as the agency's global id, as a partner's system would.</summary>
    public string Token(string role, string? agency, string? subject = null) =>
        Services.GetRequiredService<TokenIssuer>().Issue(subject ?? $"test-{role}", role, agency, TimeSpan.FromHours(1));

    /// <summary>How many events the store holds: a refused request must leave it as it was.</summary>
    public async Task<long> EventCountAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {EventStoreModule.Schema}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>POSTs one operation as application/json and returns the parsed response.</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? token = null, string accept = "application/json")
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token, accept);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, string? token = null, string accept = "application/json")
    {
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var client = CreateClient();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }
}

/// <summary>A response as a client sees it: status, content type, and the JSON body.</summary>
public sealed record GraphQLResponse(int Status, string? ContentType, string Text)
{
    public JsonNode? Json { get; } = Parse(Text);

    public JsonNode? Data => Json is JsonObject o ? o["data"] : null;

    public bool HasData => Json is JsonObject o && o.ContainsKey("data");

    public IReadOnlyList<string> ErrorCodes =>
        Json?["errors"]?.AsArray().Select(e => e?["extensions"]?["code"]?.GetValue<string>() ?? "").ToList() ?? [];

    public IReadOnlyList<string> ErrorMessages =>
        Json?["errors"]?.AsArray().Select(e => e?["message"]?.GetValue<string>() ?? "").ToList() ?? [];

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
