using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace NerveSpasmGuide.Content.Safety;

/// <summary>Reads <c>warning-signs.yaml</c>: the signs, each checked on its own, and which pages must show which signs.</summary>
public static class WarningSignFileReader
{
    private static readonly string[] FileKeys = ["signs", "required"];
    private static readonly string[] SignKeys = ["id", "level", "group", "text", "cite", "home"];

    /// <param name="sourceKeys">The keys of sources.yaml; a sign citing another key is an error here, not on every page that shows it.</param>
    public static WarningSignTable Read(string yaml, IReadOnlySet<string> sourceKeys, ProblemSink problems)
    {
        var root = YamlDocumentReader.Read(yaml, problems);
        if (root is null)
        {
            return WarningSignTable.Empty;
        }

        var file = YamlFields.For(root, FileKeys, problems, 0, WarningSignTable.FileName);
        if (file is null)
        {
            return WarningSignTable.Empty;
        }

        var signs = ReadSigns(file.Node("signs"), sourceKeys, problems);
        var ids = signs.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return new WarningSignTable(signs, ReadRequirements(file.Node("required"), ids, problems));
    }

    private static List<WarningSign> ReadSigns(YamlNode? node, IReadOnlySet<string> sourceKeys, ProblemSink problems)
    {
        if (node is not YamlSequenceNode list)
        {
            problems.Error(node is null ? 1 : (int)node.Start.Line, 1, "'signs' must be a list of entries starting with '- id:'");
            return [];
        }

        var signs = new List<WarningSign>();
        foreach (var entry in list.Children)
        {
            var fields = YamlFields.For(entry, SignKeys, problems, 0, "a warning sign");
            if (fields is null)
            {
                continue;
            }

            var id = fields.Text("id", required: true);
            var levelName = fields.Text("level", required: true);
            var group = fields.Text("group", required: true);
            var text = fields.Text("text", required: true);
            var cite = fields.TextList("cite");
            var onHome = fields.Flag("home", defaultValue: false);
            var level = CareLevels.Find(levelName);
            if (levelName is not null && level is null)
            {
                problems.Error(fields.LineOf("level"), 1, $"unknown level '{levelName}'; use {string.Join(", ", CareLevels.All.Select(l => l.Name))}");
            }

            if (onHome && level is not null && level != CareLevels.Emergency)
            {
                problems.Error(fields.LineOf("home"), 1, "only emergency signs go on the home page and handouts ('home: true')");
            }

            if (id is not null && !ArticleFileParser.IsSlug(id))
            {
                problems.Error(fields.LineOf("id"), 1, $"sign id '{id}' must be lowercase words joined by single hyphens");
                id = null;
            }

            if (id is not null && signs.Find(s => s.Id == id) is { } first)
            {
                problems.Error(fields.LineOf("id"), 1, $"sign id '{id}' is already defined on line {first.Line}");
                id = null;
            }

            if (id == WarningSignTable.AllSigns)
            {
                problems.Error(fields.LineOf("id"), 1, $"'{WarningSignTable.AllSigns}' is reserved: a card uses it to list every sign of its level");
                id = null;
            }

            if (text is not null && Markup.FirstCharacter(text) is { } markup)
            {
                problems.Error(fields.LineOf("text"), 1, $"sign text is plain words: '{markup}' is Markdown or HTML (links go in the article, sources in 'cite')");
            }

            if (cite.Count == 0)
            {
                problems.Error(fields.LineOf(fields.Has("cite") ? "cite" : "id"), 1, "every warning sign needs 'cite': the sources that support the sign and its level");
            }

            foreach (var (key, line, column) in cite.Where(c => !sourceKeys.Contains(c.Value)))
            {
                var suggestion = Suggest.Closest(key, sourceKeys);
                problems.Error(line, column, $"unknown source '{key}': it is not in sources.yaml" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
            }

            if (id is not null && level is not null && group is not null && text is not null)
            {
                signs.Add(new WarningSign(id, level, group, text, [.. cite.Select(c => c.Value).Where(sourceKeys.Contains)], onHome, fields.LineOf("id")));
            }
        }

        return signs;
    }

    private static List<SignRequirement> ReadRequirements(YamlNode? node, HashSet<string> ids, ProblemSink problems)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            problems.Error((int)node.Start.Line, (int)node.Start.Column, "'required' must map pages to lists of sign ids, e.g. 'causes/sciatica: [saddle-numbness]'");
            return [];
        }

        var requirements = new List<SignRequirement>();
        foreach (var (scopeNode, value) in mapping.Children)
        {
            var scope = (scopeNode as YamlScalarNode)?.Value?.Trim() ?? "";
            var line = (int)scopeNode.Start.Line;
            if (value is YamlScalarNode { Value: WarningSignTable.AllSigns })
            {
                requirements.Add(new SignRequirement(scope, [.. ids], All: true, line));
                continue;
            }

            if (value is not YamlSequenceNode list)
            {
                problems.Error(line, (int)scopeNode.Start.Column, $"'{scope}' must list sign ids, e.g. [{ids.FirstOrDefault() ?? "saddle-numbness"}], or say '{WarningSignTable.AllSigns}'");
                continue;
            }

            var required = new List<string>();
            foreach (var item in list.Children)
            {
                var id = (item as YamlScalarNode)?.Value?.Trim() ?? "";
                if (ids.Contains(id))
                {
                    required.Add(id);
                    continue;
                }

                var suggestion = Suggest.Closest(id, ids);
                problems.Error((int)item.Start.Line, (int)item.Start.Column,
                    $"'{scope}' requires unknown sign '{id}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
            }

            requirements.Add(new SignRequirement(scope, required, All: false, line));
        }

        return requirements;
    }
}
