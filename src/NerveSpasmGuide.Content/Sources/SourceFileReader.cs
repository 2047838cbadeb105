using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace NerveSpasmGuide.Content.Sources;

/// <summary>Reads content/sources.yaml (the bibliography), content/synonyms.yaml and content/retired.yaml.</summary>
public static class SourceFileReader
{
    public const string SourcesFile = "sources.yaml";
    public const string SynonymsFile = "synonyms.yaml";
    public const string RetiredFile = "retired.yaml";

    private static readonly string[] SourceKeys =
        ["key", "type", "authors", "title", "container", "year", "volume", "pages", "doi", "url", "topics", "verified", "evidence"];

    public static IReadOnlyList<Source> ReadSources(string yaml, ProblemSink problems)
    {
        if (ReadEntries(yaml, problems, "sources.yaml must be a list of entries starting with '- key:'") is not { } entries)
        {
            return [];
        }

        var sources = new List<Source>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Children)
        {
            var fields = YamlFields.For(entry, SourceKeys, problems, 0, "a source entry");
            if (fields is null)
            {
                continue;
            }

            var key = fields.Text("key", required: true);
            var title = fields.Text("title", required: true);
            _ = fields.TextList("topics");
            if (key is null || title is null)
            {
                continue;
            }

            if (!seen.Add(key))
            {
                problems.Error(fields.LineOf("key"), 1, $"source key '{key}' is used by two entries");
                continue;
            }

            sources.Add(new Source(
                key,
                fields.Text("type", required: false) ?? "",
                fields.Text("authors", required: false) ?? "",
                title,
                fields.Text("container", required: false) ?? "",
                fields.Text("year", required: false) ?? "",
                fields.Text("volume", required: false) ?? "",
                fields.Text("pages", required: false) ?? "",
                fields.Text("doi", required: false) ?? "",
                fields.Text("url", required: false) ?? "",
                fields.LineOf("key")));
            _ = fields.Text("verified", required: false);
            _ = fields.Text("evidence", required: false);
        }

        return sources;
    }

    public static IReadOnlyList<Synonym> ReadSynonyms(string yaml, ProblemSink problems)
    {
        var root = YamlDocumentReader.Read(yaml, problems);
        if (root is null)
        {
            return [];
        }

        if (root is not YamlMappingNode mapping)
        {
            problems.Error((int)root.Start.Line, (int)root.Start.Column, "synonyms.yaml must map each lay term to a list of slugs, e.g. 'pinched nerve: [radiculopathy]'");
            return [];
        }

        var synonyms = new List<Synonym>();
        foreach (var (termNode, value) in mapping.Children)
        {
            var term = (termNode as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? "";
            var slugs = value switch
            {
                YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0).ToList(),
                YamlScalarNode { Value: { Length: > 0 } one } => [one.Trim()],
                _ => [],
            };
            if (term.Length == 0 || slugs.Count == 0)
            {
                problems.Error((int)termNode.Start.Line, (int)termNode.Start.Column, "each synonym needs a term and at least one slug");
                continue;
            }

            synonyms.Add(new Synonym(term, slugs, (int)termNode.Start.Line));
        }

        return synonyms;
    }

    public static IReadOnlyList<RetiredSlug> ReadRetired(string yaml, ProblemSink problems)
    {
        if (ReadEntries(yaml, problems, "retired.yaml must be a list of entries starting with '- slug:'") is not { } entries)
        {
            return [];
        }

        var retired = new List<RetiredSlug>();
        foreach (var entry in entries.Children)
        {
            var fields = YamlFields.For(entry, ["slug", "reason", "suggested"], problems, 0, "a retired entry");
            var slug = fields?.Text("slug", required: true);
            var reason = fields?.Text("reason", required: true);
            if (fields is null || slug is null || reason is null)
            {
                continue;
            }

            retired.Add(new RetiredSlug(slug, reason, fields.Text("suggested", required: false), fields.LineOf("slug")));
        }

        return retired;
    }

    /// <summary>The file's list of entries; null for an empty file, or (reported) for a file that is not a list.</summary>
    internal static YamlSequenceNode? ReadEntries(string yaml, ProblemSink problems, string notAList)
    {
        var root = YamlDocumentReader.Read(yaml, problems);
        if (root is null or YamlSequenceNode)
        {
            return root as YamlSequenceNode;
        }

        problems.Error((int)root.Start.Line, (int)root.Start.Column, notAList);
        return null;
    }
}
