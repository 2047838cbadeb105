// Serves one saved response (body and headers, as the site sent them) for every request: what Kestrel alone costs.
// With --output-cache, the same handler sits behind ASP.NET Core's output caching: what the framework's own cache
// costs, against which the site's hand-written page cache must earn its place.
// Usage: BareKestrel URL BODY_FILE HEADERS_FILE [--output-cache]   (HEADERS_FILE: "Name: value" lines, as curl -D writes)
if (args is not [var url, var bodyFile, var headersFile, ..] || args is not ([_, _, _] or [_, _, _, "--output-cache"]))
{
    Console.Error.WriteLine("usage: BareKestrel URL BODY_FILE HEADERS_FILE [--output-cache]");
    return 2;
}

var outputCache = args.Length == 4;

var body = File.ReadAllBytes(bodyFile);
var headers = File.ReadAllLines(headersFile)
    .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
    .Where(parts => parts.Length == 2 && !IsTransport(parts[0]))
    .Select(parts => (Name: parts[0], Value: parts[1]))
    .ToArray();

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url);
if (outputCache)
{
    builder.Services.AddOutputCache(options => options.AddBasePolicy(policy => policy.Expire(TimeSpan.FromHours(1))));
}

var app = builder.Build();
if (outputCache)
{
    app.UseOutputCache();
    app.MapGet("/{**path}", WriteSavedResponse).CacheOutput();
}
else
{
    app.Run(WriteSavedResponse);
}

app.Run();
return 0;

Task WriteSavedResponse(HttpContext context)
{
    foreach (var (name, value) in headers)
    {
        context.Response.Headers[name] = value;
    }

    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
}

// Kestrel writes these itself.
static bool IsTransport(string name) =>
    name.Equals("Date", StringComparison.OrdinalIgnoreCase) || name.Equals("Server", StringComparison.OrdinalIgnoreCase) ||
    name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase);
