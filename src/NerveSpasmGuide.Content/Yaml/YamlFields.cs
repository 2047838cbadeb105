using System.Globalization;
using NerveSpasmGuide.Content.Problems;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NerveSpasmGuide.Content.Yaml;

/// <summary>
/// Strict, typed reading of one YAML mapping: unknown keys, missing required keys and wrong types
/// are reported with the file's line and column instead of being ignored.
/// </summary>
public sealed class YamlFields
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields = new(StringComparer.Ordinal);
    private readonly ProblemSink problems;
    private readonly int lineOffset;
    private readonly Mark start;

    private YamlFields(YamlMappingNode mapping, IReadOnlyCollection<string> allowedKeys, ProblemSink problems, int lineOffset)
    {
        this.problems = problems;
        this.lineOffset = lineOffset;
        start = mapping.Start;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                Error(keyNode, "keys must be plain words");
                continue;
            }

            if (!allowedKeys.Contains(key))
            {
                var suggestion = Suggest.Closest(key, allowedKeys);
                Error(scalarKey, $"unknown key '{key}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)") +
                    $"; allowed keys: {string.Join(", ", allowedKeys)}");
                continue;
            }

            if (!fields.TryAdd(key, (scalarKey, value)))
            {
                Error(scalarKey, $"key '{key}' appears twice");
            }
        }
    }

    /// <summary>Returns null (and reports) when the node is not a mapping.</summary>
    public static YamlFields? For(YamlNode? node, IReadOnlyCollection<string> allowedKeys, ProblemSink problems, int lineOffset, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlFields(mapping, allowedKeys, problems, lineOffset);
        }

        var line = node is null ? 1 + lineOffset : (int)node.Start.Line + lineOffset;
        var column = node is null ? 1 : (int)node.Start.Column;
        problems.Error(line, column, $"{what} must be a YAML mapping of 'key: value' lines");
        return null;
    }

    public bool Has(string key) => fields.ContainsKey(key);

    /// <summary>The value of a key as written, for structures this class does not type; null when the key is absent.</summary>
    public YamlNode? Node(string key) => fields.TryGetValue(key, out var field) ? field.Value : null;

    public int LineOf(string key) => fields.TryGetValue(key, out var field) ? Line(field.Key) : (int)start.Line + lineOffset;

    public string? Text(string key, bool required)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (field.Value is YamlScalarNode scalar)
        {
            var text = scalar.Value?.Trim() ?? "";
            if (required && text.Length == 0)
            {
                Error(field.Value, $"'{key}' must not be empty");
                return null;
            }

            return text;
        }

        Error(field.Value, $"'{key}' must be text, not a list or mapping");
        return null;
    }

    public IReadOnlyList<(string Value, int Line, int Column)> TextList(string key)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return [];
        }

        return ReadList(key, field.Value);
    }

    public DateOnly? Date(string key, bool required)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(fields[key].Value, $"'{key}' must be a date written as YYYY-MM-DD, not '{text}'");
        return null;
    }

    public bool Flag(string key, bool defaultValue)
    {
        var text = Text(key, required: false);
        switch (text)
        {
            case null:
                return defaultValue;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error(fields[key].Value, $"'{key}' must be true or false, not '{text}'");
                return defaultValue;
        }
    }

    /// <summary>A mapping from names to lists, e.g. <c>related: { treatments: [a, b] }</c>.</summary>
    public IReadOnlyList<(string Name, int Line, int Column, IReadOnlyList<(string Value, int Line, int Column)> Items)> MapOfLists(string key)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return [];
        }

        if (field.Value is not YamlMappingNode mapping)
        {
            Error(field.Value, $"'{key}' must be a mapping of names to lists, e.g. 'treatments: [physical-therapy]'");
            return [];
        }

        var result = new List<(string, int, int, IReadOnlyList<(string, int, int)>)>();
        foreach (var (nameNode, value) in mapping.Children)
        {
            var name = (nameNode as YamlScalarNode)?.Value ?? "";
            result.Add((name, Line(nameNode), Column(nameNode), ReadList($"{key}.{name}", value)));
        }

        return result;
    }

    public void Error(YamlNode node, string message) => problems.Error(Line(node), Column(node), message);

    private List<(string, int, int)> ReadList(string key, YamlNode node)
    {
        if (node is YamlScalarNode single && !string.IsNullOrWhiteSpace(single.Value))
        {
            Error(node, $"'{key}' must be a list, e.g. [{single.Value}]");
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            return node is YamlScalarNode ? [] : Fail(node, key);
        }

        var items = new List<(string, int, int)>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
            {
                items.Add((text.Trim(), Line(item), Column(item)));
            }
            else
            {
                Error(item, $"each item of '{key}' must be non-empty text");
            }
        }

        return items;
    }

    private List<(string, int, int)> Fail(YamlNode node, string key)
    {
        Error(node, $"'{key}' must be a list of text items");
        return [];
    }

    private void Missing(string key) =>
        problems.Error((int)start.Line + lineOffset, (int)start.Column, $"required key '{key}' is missing");

    private int Line(YamlNode node) => (int)node.Start.Line + lineOffset;

    private static int Column(YamlNode node) => (int)node.Start.Column;
}
