// Not Muster.Api.Console: that name would hide System.Console from every file under Muster.Api.
namespace Muster.Api.BrowserConsole;

/// <summary>The console's index.html for every route of the app (the app routes in the browser).</summary>
public sealed class ConsolePage(IWebHostEnvironment environment)
{
    private const string NotBuilt = """
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Muster 应急指挥平台</title></head>
        <body><h1>Muster</h1><p>The console has not been built. Run <code>./run.sh</code>, or
        <code>cd console &amp;&amp; npm ci &amp;&amp; npm run build</code>. The API answers POST /graphql meanwhile.</p></body></html>
        """;

    public async Task WriteAsync(HttpContext http)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var file = environment.WebRootFileProvider.GetFileInfo("console/index.html");
        if (!file.Exists)
        {
            await http.Response.WriteAsync(NotBuilt, http.RequestAborted);
            return;
        }

        await http.Response.SendFileAsync(file, http.RequestAborted);
    }
}
