using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Exposure;

/// <summary>The test server's caller address is whatever a test says in <see cref="Header"/>.</summary>
public sealed class RemoteAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var address))
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(http);
        });
        next(app);
    };
}

public class DevelopmentOnLoopback : AppFixture
{
    protected override string Environment => "Development";

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["urls"] = Urls };

    protected virtual string Urls => "http://127.0.0.1:5080";
}

public sealed class DevelopmentOnEveryAddress : DevelopmentOnLoopback
{
    protected override string Urls => "http://0.0.0.0:8080";
}

/// <summary>In Development the IDE offers an admin token to a browser on this machine only, and only while the service listens on loopback.</summary>
public sealed class DevelopmentTokenOnLoopbackTests(DevelopmentOnLoopback given) : IClassFixture<DevelopmentOnLoopback>
{
    [Fact]
    public async Task A_browser_on_this_machine_gets_the_token()
    {
        var page = await IdePageAsync(given.App, "127.0.0.1");

        Assert.Matches("\"token\":\"ey[^\"]+\"", page);
    }

    [Fact]
    public async Task A_browser_on_another_machine_gets_no_token()
    {
        var page = await IdePageAsync(given.App, "192.168.1.23");

        Assert.Contains("\"token\":\"\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_without_a_token_gets_no_field_names_or_suggestions_even_in_development()
    {
        var response = await given.App.PostAsync("{ viewr { role } }");

        Assert.Contains("VALIDATION", response.ErrorCodes);
        Assert.DoesNotContain("Cannot query field", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("on type 'Query'", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", response.Text, StringComparison.Ordinal);
    }

    public static async Task<string> IdePageAsync(MusterApp app, string remote)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add(RemoteAddressFromHeader.Header, remote);
        var response = await app.SendAsync(request, accept: "text/html");
        Assert.Equal(200, response.Status);
        return response.Text;
    }
}

public sealed class DevelopmentTokenOnEveryAddressTests(DevelopmentOnEveryAddress given) : IClassFixture<DevelopmentOnEveryAddress>
{
    [Fact]
    public async Task Listening_on_0_0_0_0_no_browser_gets_the_token_not_even_on_this_machine()
    {
        var page = await DevelopmentTokenOnLoopbackTests.IdePageAsync(given.App, "127.0.0.1");

        Assert.Contains("\"token\":\"\"", page, StringComparison.Ordinal);
    }
}
