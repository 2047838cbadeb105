using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NerveSpasmGuide.Content.Articles;
using CodeSystem = NerveSpasmGuide.Content.Articles.CodeSystem;

namespace NerveSpasmGuide.Web.Linking.CdsHooks;

/// <summary>A coded problem or medicine from the patient's record, in a system the guide's articles are coded in.</summary>
public sealed record RecordCode(CodeSystem System, string Code);

/// <summary>
/// The patient's problem list and active medicines, from the call's prefetch Bundles or, when the EHR did not send
/// them, from its FHIR server (with the access token it gave), read with the Firely SDK.
/// </summary>
public sealed class PatientRecord(IHttpClientFactory http, ILogger<PatientRecord> logger)
{
    public const string FhirClient = "cds-hooks-fhir";
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.BackwardsCompatible);

    /// <summary>The prefetch keys the discovery document asks for, with their FHIR queries.</summary>
    public static IReadOnlyDictionary<string, string> Prefetch { get; } = new Dictionary<string, string>
    {
        ["conditions"] = "Condition?patient={{context.patientId}}&category=problem-list-item",
        ["medications"] = "MedicationRequest?patient={{context.patientId}}&status=active",
    };

    /// <exception cref="InvalidDataException">A prefetch value is not a FHIR Bundle.</exception>
    public async Task<List<RecordCode>> CodesAsync(CdsHookCall call, CancellationToken cancellationToken)
    {
        var codes = new List<RecordCode>();
        foreach (var (key, query) in Prefetch)
        {
            var bundle = call.Prefetch.TryGetValue(key, out var sent) && sent.ValueKind == JsonValueKind.Object
                ? Read(sent, $"prefetch '{key}'")
                : call.FhirServer is { } server ? await FetchAsync(server, call.AccessToken, query.Replace("{{context.patientId}}", Uri.EscapeDataString(call.PatientId), StringComparison.Ordinal), cancellationToken)
                : null;
            codes.AddRange(Codes(bundle));
        }

        return [.. codes.Distinct()];
    }

    private static Bundle Read(JsonElement json, string what)
    {
        try
        {
            return json.Deserialize<Bundle>(Fhir) ?? throw new InvalidDataException($"{what} is empty.");
        }
        catch (DeserializationFailedException ex) when (ex.PartialResult is Bundle readable)
        {
            // Record systems send slightly-off FHIR (an empty "entry": [], say); what could be read is still the record.
            return readable;
        }
        catch (Exception ex) when (ex is DeserializationFailedException or JsonException or InvalidCastException)
        {
            throw new InvalidDataException($"{what} is not a FHIR R4 Bundle.", ex);
        }
    }

    /// <summary>A record the guide cannot reach is logged and read as empty: the EHR still gets an answer in time.</summary>
    private async Task<Bundle?> FetchAsync(Uri server, string? accessToken, string query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.ToString().TrimEnd('/') + "/" + query));
        request.Headers.Accept.ParseAdd("application/fhir+json");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        try
        {
            using var response = await http.CreateClient(FhirClient).SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return Read(json.RootElement, $"the FHIR server's answer to {query}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or JsonException or InvalidDataException
                                       or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("CDS Hooks: could not read {Query} from the EHR's FHIR server {Server}: {Reason}", query, server, ex.Message);
            return null;
        }
    }

    private static IEnumerable<RecordCode> Codes(Bundle? bundle)
    {
        foreach (var resource in bundle?.Entry.Select(e => e.Resource) ?? [])
        {
            var concept = resource switch
            {
                Condition condition => condition.Code,
                MedicationRequest request => request.Medication as CodeableConcept,
                _ => null,
            };
            foreach (var coding in concept?.Coding ?? [])
            {
                if (CodeSystems.ByFhirUri(coding.System) is { } system && !string.IsNullOrWhiteSpace(coding.Code))
                {
                    yield return new RecordCode(system.System, coding.Code.Trim());
                }
            }
        }
    }
}
