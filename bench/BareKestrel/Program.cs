// Serves one saved response (body and headers, as the site sent them) for every request: what Kestrel alone costs.
// Usage: BareKestrel URL BODY_FILE HEADERS_FILE   (HEADERS_FILE holds "Name: value" lines, as curl -D writes them)
if (args is not [var url, var bodyFile, var headersFile])
{
    Console.Error.WriteLine("usage: BareKestrel URL BODY_FILE HEADERS_FILE");
    return 2;
}

var body = File.ReadAllBytes(bodyFile);
var headers = File.ReadAllLines(headersFile)
    .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
    .Where(parts => parts.Length == 2 && !IsTransport(parts[0]))
    .Select(parts => (Name: parts[0], Value: parts[1]))
    .ToArray();

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url);
var app = builder.Build();
app.Run(context =>
{
    foreach (var (name, value) in headers)
    {
        context.Response.Headers[name] = value;
    }

    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();
return 0;

// Kestrel writes these itself.
static bool IsTransport(string name) =>
    name.Equals("Date", StringComparison.OrdinalIgnoreCase) || name.Equals("Server", StringComparison.OrdinalIgnoreCase) ||
    name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase);
