using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Muster.Api.Auth;
using Muster.Infrastructure;

namespace Muster.Api.Ide;

/// <summary>
/// The GraphiQL page for a browser at /graphql, bundled at set-up time into wwwroot/ide (no CDN at run time).
/// In Development, for a browser on this machine while the service listens on loopback only, its headers come
/// prefilled with an admin token.
/// </summary>
public sealed class IdePage(IWebHostEnvironment environment, IServiceProvider services)
{
    public const string Placeholder = "<!--muster-config-->";

    private const string NotBuilt = """
        <!doctype html><html><head><meta charset="utf-8"><title>Muster — GraphQL</title><!--muster-config--></head>
        <body><h1>Muster GraphQL</h1><p>The IDE has not been built. Run <code>./run.sh</code>, or
        <code>cd ide &amp;&amp; npm ci &amp;&amp; npm run build</code>. The API answers POST /graphql meanwhile.</p></body></html>
        """;

    public async Task WriteAsync(HttpContext http)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("ide/index.html");
        string html;
        if (file.Exists)
        {
            await using var stream = file.CreateReadStream();
            using var reader = new StreamReader(stream);
            html = await reader.ReadToEndAsync(http.RequestAborted);
        }
        else
        {
            html = NotBuilt;
        }

        var token = MayOfferToken(http) ? services.GetService<DevelopmentTokens>()?.TokenFor(Roles.Admin) : null;
        var config = JsonSerializer.Serialize(new { endpoint = "/graphql", subscriptionUrl = "/graphql", token = token ?? "" });
        html = html.Replace(Placeholder, $"<script>window.__MUSTER__ = {config};</script>", StringComparison.Ordinal);

        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }

    /// <summary>
    /// Only in Development, only to a browser on this machine, and only while the service listens on loopback
    /// addresses alone: with <c>--urls http://0.0.0.0:8080</c> a colleague's browser would otherwise get an admin token.
    /// </summary>
    private bool MayOfferToken(HttpContext http) =>
        environment.IsDevelopment()
        && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && ListensOnLoopbackOnly();

    private bool ListensOnLoopbackOnly()
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        IEnumerable<string> urls = addresses is { Count: > 0 }
            ? addresses
            : (services.GetRequiredService<IConfiguration>()["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.All(url =>
        {
            var host = BindingAddress.Parse(url).Host.Trim('[', ']');
            return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        });
    }
}
