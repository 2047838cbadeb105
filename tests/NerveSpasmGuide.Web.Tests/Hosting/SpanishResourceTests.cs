using System.Text.RegularExpressions;
using System.Xml.Linq;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Hosting;

/// <summary>
/// Every string a page asks the localizer for (<c>T["..."]</c>) has its Spanish words in <c>SharedResource.es.resx</c>,
/// with the same placeholders: a missing one would show English on a Spanish page without any error.
/// </summary>
public sealed partial class SpanishResourceTests
{
    [Fact]
    public void EveryLocalizedStringOfThePagesHasSpanishWordsWithTheSamePlaceholders()
    {
        var web = Path.Combine(RepositoryPaths.Root, "src", "NerveSpasmGuide.Web");
        var spanish = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.es.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);
        var asked = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Localized().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToList();

        Assert.True(asked.Count > 100, $"only {asked.Count} localized strings found: the pattern no longer matches the pages");
        Assert.Empty(asked.Where(a => !spanish.ContainsKey(a.Key)).Select(a => $"{a.File}: {a.Key}").Distinct());
        Assert.Empty(spanish.Where(s => !Placeholders(s.Key).SetEquals(Placeholders(s.Value))).Select(s => s.Key));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\bT\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Localized();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
