using System.Net.Sockets;
using System.Text;

namespace NerveSpasmGuide.BrowserTests.Support;

/// <summary>Sends bytes exactly as written (HttpClient would fix up bad encodings, CRLF and huge headers before sending).</summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Head, string Body);

    public static async Task<Answer> SendAsync(Uri server, string method, string target, params string[] headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        request.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.ToString()));
        using var memory = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await stream.CopyToAsync(memory, timeout.Token);
        }
        catch (IOException)
        {
            // The server may reset after answering a request it refuses to read in full.
        }

        var text = Encoding.UTF8.GetString(memory.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var statusLine = head.Split("\r\n")[0].Split(' ');
        var status = statusLine.Length > 1 && int.TryParse(statusLine[1], out var code) ? code : 0;
        return new Answer(status, head, split < 0 ? "" : text[(split + 4)..]);
    }
}
