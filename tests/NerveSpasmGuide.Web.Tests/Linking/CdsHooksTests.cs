using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NerveSpasmGuide.Web.Linking.CdsHooks;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Linking;

/// <summary>The guide with one EHR configured: its key set in a local file, and a small FHIR server of its own.</summary>
public sealed class CdsHooksFactory : GuideFactory, IAsyncLifetime
{
    public const string Issuer = "https://ehr.example.org";
    public const string Audience = "http://localhost/cds-services/" + CdsHooksEndpoint.ServiceId;
    public const string FhirToken = "fhir-access-token-for-the-test";
    public const string BrokenIssuer = "https://broken-ehr.example.org";

    private readonly string keySetPath = Path.Combine(Path.GetTempPath(), "nsg-jwks-" + Guid.NewGuid().ToString("N") + ".json");
    private readonly string brokenKeySetPath = Path.Combine(Path.GetTempPath(), "nsg-jwks-broken-" + Guid.NewGuid().ToString("N") + ".json");
    private WebApplication? fhir;

    public CdsHooksFactory()
    {
        SigningKey = NewKey("ehr-key-1");
        var publicKey = SigningKey.Rsa.ExportParameters(false);
        File.WriteAllText(keySetPath, new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["kid"] = SigningKey.KeyId,
                ["use"] = "sig",
                ["alg"] = SecurityAlgorithms.RsaSha384,
                ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus),
                ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent),
            }),
        }.ToJsonString());
        File.WriteAllText(brokenKeySetPath, "this is not a key set");
    }

    public RsaSecurityKey SigningKey { get; }

    public Uri FhirServer => new(fhir!.Urls.First() + "/fhir");

    /// <summary>Requests the fake FHIR server has answered, as "METHOD path?query authorization".</summary>
    public List<string> FhirRequests { get; } = [];

    /// <summary>How many times the medication search fails with 503 before it answers.</summary>
    public int MedicationFailures { get; set; }

    public static RsaSecurityKey NewKey(string id) => new(RSA.Create(2048)) { KeyId = id };

    public static string Token(RsaSecurityKey key, string issuer = Issuer, string audience = Audience, string? jti = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddMinutes(5)) < now ? now.AddMinutes(-10) : now,
            NotBefore = (expires ?? now.AddMinutes(5)) < now ? now.AddMinutes(-10) : now,
            Expires = expires ?? now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = jti ?? Guid.NewGuid().ToString() },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha384),
        });
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        fhir = builder.Build();
        fhir.MapGet("/fhir/{type}", (string type, HttpContext context) =>
        {
            lock (FhirRequests)
            {
                FhirRequests.Add($"GET {context.Request.Path}{context.Request.QueryString} {context.Request.Headers.Authorization}");
            }

            if (context.Request.Headers.Authorization != "Bearer " + FhirToken)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            if (type == "MedicationRequest" && MedicationFailures-- > 0)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Text(type == "Condition"
                ? CdsHooksTests.Bundle(CdsHooksTests.Condition("http://snomed.info/sct", "128196005"))
                : CdsHooksTests.Bundle(CdsHooksTests.Medication("http://www.nlm.nih.gov/research/umls/rxnorm", "25480")), "application/fhir+json");
        });
        await fhir.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (fhir is not null)
        {
            await fhir.DisposeAsync();
        }

        File.Delete(keySetPath);
        File.Delete(brokenKeySetPath);
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:CdsHooks:Clients:0:Issuer", Issuer);
        builder.UseSetting("Guide:CdsHooks:Clients:0:JwksUrl", keySetPath);
        builder.UseSetting("Guide:CdsHooks:Clients:1:Issuer", BrokenIssuer);
        builder.UseSetting("Guide:CdsHooks:Clients:1:JwksUrl", brokenKeySetPath);
    }
}

public sealed class CdsHooksTests(CdsHooksFactory factory) : IClassFixture<CdsHooksFactory>
{
    private const string Service = "/cds-services/" + CdsHooksEndpoint.ServiceId;
    private const string Snomed = "http://snomed.info/sct";
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    [Fact]
    public async Task DiscoveryListsThePatientViewServiceWithItsPrefetchQueries()
    {
        using var client = factory.CreateClient();
        using var discovery = JsonDocument.Parse(await client.GetStringAsync(new Uri("/cds-services", UriKind.Relative)));

        var service = Assert.Single(discovery.RootElement.GetProperty("services").EnumerateArray());
        Assert.Equal("patient-view", service.GetProperty("hook").GetString());
        Assert.Equal(CdsHooksEndpoint.ServiceId, service.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(service.GetProperty("description").GetString()));
        Assert.Equal("Condition?patient={{context.patientId}}&category=problem-list-item", service.GetProperty("prefetch").GetProperty("conditions").GetString());
        Assert.Equal("MedicationRequest?patient={{context.patientId}}&status=active", service.GetProperty("prefetch").GetProperty("medications").GetString());
    }

    [Fact]
    public async Task TheProblemListAndMedicinesBecomeOneInfoCardWithALinkPerPageAndAHandout()
    {
        using var response = await CallAsync(Call(
            conditions: Bundle(Condition(Snomed, "23056005"), Condition(Icd10Cm, "M62.830")),
            medications: Bundle(Medication(RxNorm, "187832"))));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(json.RootElement.GetProperty("cards").EnumerateArray());
        Assert.Equal("info", card.GetProperty("indicator").GetString());
        Assert.InRange(card.GetProperty("summary").GetString()!.Length, 1, 139);
        Assert.Equal("Nerve & Spasm Guide", card.GetProperty("source").GetProperty("label").GetString());
        var links = card.GetProperty("links").EnumerateArray().Select(l => (Label: l.GetProperty("label").GetString(), Url: l.GetProperty("url").GetString(), Type: l.GetProperty("type").GetString())).ToList();
        Assert.All(links, l => Assert.Equal("absolute", l.Type));
        Assert.Equal(
            ["http://localhost/causes/sciatica", "http://localhost/symptoms/muscle-spasms", "http://localhost/causes/radiculopathy", "http://localhost/handout?a=sciatica,muscle-spasms,radiculopathy"],
            links.Select(l => l.Url));
        Assert.Equal("Sciatica", links[0].Label);
    }

    [Fact]
    public async Task ARecordWithNothingTheGuideCoversGetsNoCards()
    {
        using var response = await CallAsync(Call(conditions: Bundle(Condition("http://example.org/local-codes", "back-1")), medications: Bundle()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutPrefetchTheServiceReadsTheEhrsFhirServerWithItsTokenAndRetriesAFailure()
    {
        factory.MedicationFailures = 1;
        using var response = await CallAsync(Call(fhirServer: factory.FhirServer.ToString(), accessToken: CdsHooksFactory.FhirToken, patientId: "patient 7"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var urls = json.RootElement.GetProperty("cards")[0].GetProperty("links").EnumerateArray().Select(l => l.GetProperty("url").GetString()).ToList();
        // SNOMED CT 128196005 is radiculopathy's; RxNorm 25480 is listed by both fixture causes.
        Assert.Equal(["http://localhost/causes/radiculopathy", "http://localhost/causes/sciatica", "http://localhost/handout?a=radiculopathy,sciatica"], urls);
        lock (factory.FhirRequests)
        {
            Assert.Contains("GET /fhir/Condition?patient=patient%207&category=problem-list-item Bearer " + CdsHooksFactory.FhirToken, factory.FhirRequests);
            Assert.Equal(2, factory.FhirRequests.Count(r => r.StartsWith("GET /fhir/MedicationRequest?patient=patient%207&status=active ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task AnUnreachableFhirServerStillGetsAnAnswer()
    {
        using var response = await CallAsync(Call(fhirServer: "http://127.0.0.1:1/fhir", accessToken: "t"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> Refused => ["no token", "another issuer", "another audience", "expired", "another key", "not a JWT"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task CallsWithoutAValidTokenFromAConfiguredEhrAre401(string why)
    {
        var token = why switch
        {
            "no token" => null,
            "another issuer" => CdsHooksFactory.Token(factory.SigningKey, issuer: "https://other-ehr.example.org"),
            "another audience" => CdsHooksFactory.Token(factory.SigningKey, audience: "https://elsewhere.example.org/cds-services/x"),
            "expired" => CdsHooksFactory.Token(factory.SigningKey, expires: DateTime.UtcNow.AddMinutes(-5)),
            "another key" => CdsHooksFactory.Token(CdsHooksFactory.NewKey(factory.SigningKey.KeyId!)),
            _ => "not-a-jwt",
        };

        using var response = await CallAsync(Call(conditions: Bundle(Condition(Snomed, "23056005"))), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("sciatica", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEhrWhoseKeySetCannotBeReadIsRefusedNotAnError()
    {
        using var response = await CallAsync(Call(conditions: Bundle()), CdsHooksFactory.Token(factory.SigningKey, issuer: CdsHooksFactory.BrokenIssuer));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("key set could not be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenIsAcceptedOnlyOnce()
    {
        var token = CdsHooksFactory.Token(factory.SigningKey, jti: "once-" + Guid.NewGuid());

        using var first = await CallAsync(Call(conditions: Bundle()), token);
        using var again = await CallAsync(Call(conditions: Bundle()), token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "Not JSON")]
    [InlineData("""{"hook":"order-select","hookInstance":"1","context":{"patientId":"p"}}""", "patient-view")]
    [InlineData("""{"hook":"patient-view","hookInstance":"1","context":{}}""", "context.patientId")]
    [InlineData("""{"hook":"patient-view","hookInstance":"1","context":{"patientId":"p"},"fhirAuthorization":{"access_token":"t"}}""", "without 'fhirServer'")]
    [InlineData("""{"hook":"patient-view","hookInstance":"1","context":{"patientId":"p"},"prefetch":{"conditions":{"resourceType":"Patient","id":"p"}}}""", "not a FHIR R4 Bundle")]
    public async Task CallsThatAreNotReadableAre400WithTheReason(string body, string reason)
    {
        using var response = await CallAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverOneMegabyteIs413()
    {
        var padding = new string('x', CdsHooksEndpoint.MaxBodyBytes);
        using var response = await CallAsync($$"""{"hook":"patient-view","hookInstance":"1","context":{"patientId":"p"},"padding":"{{padding}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AnotherServiceIdIs404()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/no-such-service") { Content = new StringContent(Call(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CdsHooksFactory.Token(factory.SigningKey));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static string Bundle(params JsonObject[] resources) => new JsonObject
    {
        ["resourceType"] = "Bundle",
        ["type"] = "searchset",
        ["entry"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r })]),
    }.ToJsonString();

    internal static JsonObject Condition(string system, string code) => new()
    {
        ["resourceType"] = "Condition",
        ["subject"] = new JsonObject { ["reference"] = "Patient/p" },
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
    };

    internal static JsonObject Medication(string system, string code) => new()
    {
        ["resourceType"] = "MedicationRequest",
        ["status"] = "active",
        ["intent"] = "order",
        ["subject"] = new JsonObject { ["reference"] = "Patient/p" },
        ["medicationCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
    };

    private static string Call(string? conditions = null, string? medications = null, string? fhirServer = null, string? accessToken = null, string patientId = "p")
    {
        var call = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "PractitionerRole/1", ["patientId"] = patientId },
        };
        if (fhirServer is not null)
        {
            call["fhirServer"] = fhirServer;
            call["fhirAuthorization"] = new JsonObject { ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "cds" };
        }

        var prefetch = new JsonObject();
        if (conditions is not null)
        {
            prefetch["conditions"] = JsonNode.Parse(conditions);
        }

        if (medications is not null)
        {
            prefetch["medications"] = JsonNode.Parse(medications);
        }

        if (prefetch.Count > 0)
        {
            call["prefetch"] = prefetch;
        }

        return call.ToJsonString();
    }

    private Task<HttpResponseMessage> CallAsync(string body) => CallAsync(body, CdsHooksFactory.Token(factory.SigningKey));

    private async Task<HttpResponseMessage> CallAsync(string body, string? token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}

public sealed class CdsHooksOffTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task WithoutAConfiguredEhrTheServiceDoesNotExist()
    {
        using var client = factory.CreateClient();
        using var discovery = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));
        using var call = await client.PostAsync(new Uri("/cds-services/" + CdsHooksEndpoint.ServiceId, UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, discovery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, call.StatusCode);
    }
}

public sealed class CdsHooksOptionsTests
{
    [Theory]
    [InlineData("https://ehr.example.org", "https://ehr.example.org/.well-known/jwks.json", null)]
    [InlineData("", "https://ehr.example.org/jwks.json", "Issuer is required")]
    [InlineData("https://ehr.example.org", "http://ehr.example.org/jwks.json", "must use https")]
    [InlineData("https://ehr.example.org", "/no/such/jwks.json", "does not exist")]
    public void EachEhrNeedsAnIssuerAndAnHttpsOrFileKeySet(string issuer, string jwks, string? problem)
    {
        var result = new CdsHooksOptionsValidator().Validate(null, new CdsHooksOptions { Clients = [new CdsClient { Issuer = issuer, JwksUrl = jwks }] });

        Assert.Equal(problem is null, result.Succeeded);
        if (problem is not null)
        {
            Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
