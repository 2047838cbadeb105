using Markdig.Syntax.Inlines;

namespace NerveSpasmGuide.Content.Markdown;

/// <summary><c>[[slug]]</c> or <c>[[slug|text]]</c>: a link to another article, resolved after all files are parsed.</summary>
public sealed class WikiLinkInline(string target, string? label) : LeafInline
{
    public string Target { get; } = target;

    public string? Label { get; } = label;

    /// <summary>Set by resolution: the article's URL path, or null when the target does not exist.</summary>
    public string? Href { get; set; }

    /// <summary>Set by resolution: the text shown (the label, else the target's title).</summary>
    public string Text { get; set; } = label ?? target;
}

/// <summary><c>[@key]</c> or <c>[@key1; @key2]</c>: citations of entries in sources.yaml.</summary>
public sealed class CitationInline(IReadOnlyList<string> keys) : LeafInline
{
    public IReadOnlyList<string> Keys { get; } = keys;

    /// <summary>Set by resolution: the source numbers on this page, in the order of <see cref="Keys"/>.</summary>
    public IReadOnlyList<int> Numbers { get; set; } = [];
}
