using System.Text.Json;

namespace NerveSpasmGuide.Web.Linking.CdsHooks;

/// <summary>The parts of a CDS Hooks call the service reads (CDS Hooks 2.0, "HTTP Request").</summary>
public sealed record CdsHookCall(string Hook, string PatientId, Uri? FhirServer, string? AccessToken, IReadOnlyDictionary<string, JsonElement> Prefetch)
{
    /// <returns>The call, or why it is not one (for the 400).</returns>
    public static (CdsHookCall? Call, string? Problem) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, "The body must be a JSON object.");
        }

        if (Text(body, "hook") is not { } hook)
        {
            return (null, "The call has no 'hook'.");
        }

        if (Text(body, "hookInstance") is null)
        {
            return (null, "The call has no 'hookInstance'.");
        }

        if (!body.TryGetProperty("context", out var context) || Text(context, "patientId") is not { } patientId)
        {
            return (null, "The call has no 'context.patientId'.");
        }

        Uri? server = null;
        if (Text(body, "fhirServer") is { } serverText &&
            (!Uri.TryCreate(serverText, UriKind.Absolute, out server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp)))
        {
            return (null, "'fhirServer' must be an absolute http(s) URL.");
        }

        string? token = null;
        if (body.TryGetProperty("fhirAuthorization", out var authorization))
        {
            if (server is null)
            {
                return (null, "'fhirAuthorization' was sent without 'fhirServer'.");
            }

            token = authorization.ValueKind == JsonValueKind.Object ? Text(authorization, "access_token") : null;
        }

        var prefetch = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (body.TryGetProperty("prefetch", out var sent) && sent.ValueKind == JsonValueKind.Object)
        {
            foreach (var item in sent.EnumerateObject())
            {
                prefetch[item.Name] = item.Value.Clone();
            }
        }

        return (new CdsHookCall(hook, patientId, server, token, prefetch), null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        value.GetString() is { Length: > 0 } text ? text : null;
}
