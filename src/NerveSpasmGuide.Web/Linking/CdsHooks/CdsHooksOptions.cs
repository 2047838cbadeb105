using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NerveSpasmGuide.Web.Linking.CdsHooks;

/// <summary>The "Guide:CdsHooks" section: the record systems (EHRs) allowed to call the CDS Hooks service.</summary>
public sealed class CdsHooksOptions
{
    public const string Section = "Guide:CdsHooks";

    /// <summary>Each EHR that may call, by the issuer (<c>iss</c>) of its JWTs and its key set. None: the service is off (404).</summary>
    public List<CdsClient> Clients { get; set; } = [];

    /// <summary>How long one request to an EHR's FHIR server may take, retries included.</summary>
    [Range(1, 60)]
    public int FhirTimeoutSeconds { get; set; } = 5;

    public bool Enabled => Clients.Count > 0;
}

public sealed class CdsClient
{
    /// <summary>The EHR's <c>iss</c> claim, exactly as it signs it.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The EHR's JSON Web Key Set: an https URL, or a file path (for tests and sites without outside access).</summary>
    public string JwksUrl { get; set; } = "";

    public bool IsFile => !JwksUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

internal sealed class CdsHooksOptionsValidator : IValidateOptions<CdsHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            if (string.IsNullOrWhiteSpace(client.Issuer))
            {
                failures.Add($"{CdsHooksOptions.Section}:Clients:{i}:Issuer is required (the iss claim of the EHR's tokens).");
            }

            if (string.IsNullOrWhiteSpace(client.JwksUrl))
            {
                failures.Add($"{CdsHooksOptions.Section}:Clients:{i}:JwksUrl is required (an https URL or a file).");
            }
            else if (client.JwksUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{CdsHooksOptions.Section}:Clients:{i}:JwksUrl '{client.JwksUrl}' must use https, or be a file path.");
            }
            else if (client.IsFile && !File.Exists(client.JwksUrl))
            {
                failures.Add($"{CdsHooksOptions.Section}:Clients:{i}:JwksUrl names the file '{client.JwksUrl}', which does not exist.");
            }
        }

        if (options.Clients.GroupBy(c => c.Issuer, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            failures.Add($"{CdsHooksOptions.Section}: the issuer '{twice.Key}' is configured twice.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
