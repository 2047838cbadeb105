using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;

namespace NerveSpasmGuide.Content.Markdown;

/// <summary>Parses <c>[[wiki links]]</c> and <c>[@citations]</c>; anything else starting with '[' is left to Markdig.</summary>
public sealed partial class GuideInlineParser : InlineParser
{
    public GuideInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var next = slice.PeekChar();
        return next switch
        {
            '[' => MatchWikiLink(processor, ref slice),
            '@' => MatchCitation(processor, ref slice),
            _ => false,
        };
    }

    private static bool MatchWikiLink(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var contentStart = slice.Start + 2;
        var close = text.IndexOf("]]", contentStart, slice.End - contentStart + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var inner = text[contentStart..close];
        if (inner.Contains('\n', StringComparison.Ordinal) || inner.Contains('[', StringComparison.Ordinal))
        {
            return false;
        }

        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = (bar < 0 ? inner : inner[..bar]).Trim();
        var label = bar < 0 ? null : inner[(bar + 1)..].Trim();
        var start = slice.Start;
        var inline = new WikiLinkInline(target, string.IsNullOrEmpty(label) ? null : label)
        {
            Span = new(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close + 1)),
            Line = line,
            Column = column,
        };
        processor.Inline = inline;
        slice.Start = close + 2;
        return true;
    }

    private static bool MatchCitation(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var close = text.IndexOf(']', slice.Start, slice.End - slice.Start + 1);
        if (close < 0)
        {
            return false;
        }

        var inner = text[(slice.Start + 1)..close];
        if (!CitationGroup().IsMatch(inner))
        {
            return false;
        }

        var keys = inner.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(k => k[1..])
            .ToList();
        var start = slice.Start;
        processor.Inline = new CitationInline(keys)
        {
            Span = new(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close)),
            Line = line,
            Column = column,
        };
        slice.Start = close + 1;
        return true;
    }

    [GeneratedRegex(@"^\s*@[A-Za-z0-9_\-:.]+\s*(;\s*@[A-Za-z0-9_\-:.]+\s*)*$")]
    private static partial Regex CitationGroup();
}
