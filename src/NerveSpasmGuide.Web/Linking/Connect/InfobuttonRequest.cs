using System.Globalization;
using NerveSpasmGuide.Content.Articles;

namespace NerveSpasmGuide.Web.Linking.Connect;

/// <summary>Who the answer is for (HL7 Infobutton <c>informationRecipient</c>).</summary>
public enum InformationRecipient
{
    Patient,
    Provider,
}

/// <param name="Value">The age as sent, in <paramref name="Unit"/>.</param>
/// <param name="Unit">UCUM unit of <c>age.v.u</c>: a, mo, wk, d.</param>
public sealed record PatientAge(decimal Value, string Unit)
{
    public decimal Years => Unit switch
    {
        "mo" => Value / 12,
        "wk" => Value / 52,
        "d" => Value / 365,
        _ => Value,
    };

    public bool IsChild => Years < 18;
}

/// <summary>An HL7 Infobutton (URL-based) knowledge request, as MedlinePlus Connect reads it, checked field by field.</summary>
/// <param name="System">Null for a text-only request (a display name or original text, no code).</param>
/// <param name="Language">The language tag as sent, trimmed; empty when none was sent.</param>
/// <param name="LanguageNote">Set when the request asked for a language the answer is not in.</param>
public sealed record InfobuttonRequest(
    CodeSystemInfo? System,
    string? Code,
    string? DisplayName,
    string? OriginalText,
    InformationRecipient? Recipient,
    string Language,
    string? LanguageNote,
    PatientAge? Age,
    string? Gender,
    string ResponseType)
{
    /// <summary>Spanish was asked for (es, a regional tag such as es-MX, or MedlinePlus's own sp): the answer gives the Spanish pages.</summary>
    public bool WantsSpanish => IsSpanish(Language);

    public static bool IsSpanish(string language) => language.Split('-', '_')[0].ToLowerInvariant() is "es" or "sp" or "spa";

    public const string CodeSystemKey = "mainSearchCriteria.v.cs";
    public const string CodeKey = "mainSearchCriteria.v.c";
    public const string DisplayNameKey = "mainSearchCriteria.v.dn";
    public const string OriginalTextKey = "mainSearchCriteria.v.ot";
    public const string RecipientKey = "informationRecipient";
    public const string LanguageKey = "informationRecipient.languageCode.c";
    public const string AgeKey = "age.v.v";
    public const string AgeUnitKey = "age.v.u";
    public const string GenderKey = "patientPerson.administrativeGenderCode.c";
    public const string ResponseTypeKey = "knowledgeResponseType";
    public const int MaxEchoLength = 80;

    /// <summary>HL7 v3 AdministrativeGender codes.</summary>
    public static IReadOnlyList<string> Genders { get; } = ["M", "F", "UN"];

    public static IReadOnlyList<string> ResponseTypes { get; } = ["text/html", "application/json", "text/xml"];

    /// <summary>The words to search when the code matches nothing: the display name, else the original text.</summary>
    public string? SearchText => DisplayName ?? OriginalText;

    /// <summary>Reads the query string; a field that is present but wrong is a problem (title, detail), never ignored.</summary>
    public static (InfobuttonRequest? Request, (string Title, string Detail)? Problem) Parse(IQueryCollection query)
    {
        foreach (var key in new[] { CodeSystemKey, CodeKey, DisplayNameKey, OriginalTextKey, RecipientKey, LanguageKey, AgeKey, AgeUnitKey, GenderKey, ResponseTypeKey })
        {
            if (query[key].Count > 1)
            {
                return Fail(key == CodeKey ? "One code per request" : "Repeated parameter",
                    key == CodeKey
                        ? $"{CodeKey} appears {query[key].Count} times; this service answers one code per request: send one request for each code."
                        : $"{key} appears {query[key].Count} times; send it once.");
            }
        }

        var code = Optional(query, CodeKey);
        var displayName = Optional(query, DisplayNameKey);
        var originalText = Optional(query, OriginalTextKey);
        var systemOid = Optional(query, CodeSystemKey);
        CodeSystemInfo? system = null;
        if (code is not null || systemOid is not null)
        {
            system = CodeSystems.ByOid(systemOid);
            if (system is null)
            {
                return Fail("Unsupported code system",
                    $"{CodeSystemKey} must be one of {string.Join(", ", CodeSystems.All.Select(s => $"{s.Oid} ({s.Name})"))}.");
            }

            if (code is null)
            {
                return Fail("No code", $"{CodeKey} is missing: send a {system.Name} code such as {system.Example}.");
            }

            if (CodeSystems.Normalize(system.System, code) is null)
            {
                return Fail($"Not a {system.Name} code", $"{CodeKey} must be a {system.Name} code such as {system.Example}.");
            }
        }
        else if (displayName is null && originalText is null)
        {
            return Fail("Nothing to look up", $"Send {CodeSystemKey} and {CodeKey} (a code), or {DisplayNameKey} or {OriginalTextKey} (words to search).");
        }

        var recipientText = Optional(query, RecipientKey)?.ToUpperInvariant();
        InformationRecipient? recipient = recipientText switch
        {
            "PAT" => InformationRecipient.Patient,
            "PROV" => InformationRecipient.Provider,
            _ => null,
        };
        if (recipientText is not null && recipient is null)
        {
            return Fail("Unknown information recipient", $"{RecipientKey} must be PAT (a patient) or PROV (a health care provider).");
        }

        PatientAge? age = null;
        var ageText = Optional(query, AgeKey);
        var unit = Optional(query, AgeUnitKey) ?? "a";
        if (ageText is not null)
        {
            if (!decimal.TryParse(ageText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 150 * 365)
            {
                return Fail("Not an age", $"{AgeKey} must be a number such as 42, in the unit {AgeUnitKey} names (a, mo, wk or d; a is the default).");
            }

            if (unit is not ("a" or "mo" or "wk" or "d"))
            {
                return Fail("Unknown age unit", $"{AgeUnitKey} must be a (years), mo (months), wk (weeks) or d (days).");
            }

            age = new PatientAge(value, unit);
        }

        var gender = Optional(query, GenderKey)?.ToUpperInvariant();
        if (gender is not null && !Genders.Contains(gender))
        {
            return Fail("Unknown gender code", $"{GenderKey} must be an HL7 AdministrativeGender code: {string.Join(", ", Genders)}.");
        }

        var type = Optional(query, ResponseTypeKey) ?? "text/html";
        if (!ResponseTypes.Contains(type))
        {
            return Fail("Unsupported response type", $"{ResponseTypeKey} must be {string.Join(", ", ResponseTypes)}.");
        }

        var language = Optional(query, LanguageKey) ?? "";
        return (new InfobuttonRequest(system, code, displayName, originalText, recipient, language, LanguageNoteFor(language), age, gender, type), null);
    }

    /// <summary>
    /// English for en, en-US (any en- tag) or no language; Spanish for es, es-MX, es-US or the older sp (a page not yet
    /// translated is answered in English, and that entry says so). Any other language is answered in English, saying so.
    /// </summary>
    public static string? LanguageNoteFor(string language)
    {
        var primary = language.Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "" or "en" or "eng" or "es" or "sp" or "spa" => null,
            _ => $"Requested language '{Echo(language)}' is not available; this answer is in English.",
        };
    }

    public static string Echo(string value) => value.Length > MaxEchoLength ? value[..MaxEchoLength] + "…" : value;

    private static string? Optional(IQueryCollection query, string key) =>
        query[key].ToString().Trim() is { Length: > 0 } value ? value : null;

    private static (InfobuttonRequest?, (string, string)?) Fail(string title, string detail) => (null, (title, detail));
}
