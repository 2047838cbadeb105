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

    /// <summary>Set by resolution: the sources cited here, by number on this page, lowest first.</summary>
    public IReadOnlyList<CitedSource> Cited { get; set; } = [];
}

/// <summary>One source of a citation: its number on the page, and which of its citations this is (1 for the first).</summary>
public sealed record CitedSource(int Number, int Use)
{
    /// <summary>The id the source list's back links point at.</summary>
    public string Anchor => Anchors.Citation(Number, Use);
}

/// <summary>The ids that join citations and the sources list, both ways.</summary>
public static class Anchors
{
    public static string Source(int number) => $"source-{number}";

    public static string Citation(int number, int use) => $"cite-{number}-{use}";
}

/// <summary>Source keys numbered by first use, and how often each is cited, across one page or one bundle of pages.</summary>
public sealed class CitationOrder
{
    public List<string> Keys { get; } = [];

    /// <summary>How many citations each of <see cref="Keys"/> has so far.</summary>
    public List<int> Uses { get; } = [];
}
