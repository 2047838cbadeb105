using Markdig.Extensions.CustomContainers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Yaml;

namespace NerveSpasmGuide.Content.Safety;

/// <summary>
/// Rewrites each care card of a parsed article from the warning-sign table: <c>::: emergency saddle-numbness both-legs</c>
/// becomes the level's lead sentence and the listed signs, in the table's words and with its citations, so a sign
/// reads the same, at the same level, on every page. The card's own paragraphs (context, a link) follow the list.
/// </summary>
public static class CareCards
{
    private static readonly char[] Separators = [' ', '\t', ','];

    /// <summary>Where a card keeps its label in the page's language for the renderer ("Emergencia: llame al 911 ahora").</summary>
    public const string LabelKey = "care-label";

    /// <summary>Expands every card in <paramref name="containers"/> and returns the ids of the signs the page shows, in order.</summary>
    /// <param name="wording">The words of each level in the page's language; English when null.</param>
    public static IReadOnlyList<string> Expand(
        IReadOnlyList<CustomContainer> containers, WarningSignTable table, int bodyLineOffset, ProblemSink problems, Func<CareLevel, CareWording>? wording = null)
    {
        wording ??= level => level.English;
        var shown = new List<string>();
        var cardsOfLevel = new Dictionary<CareLevel, int>();
        foreach (var card in containers)
        {
            var line = card.Line + bodyLineOffset + 1;
            var level = CareLevels.Find(card.Info);
            if (level is null)
            {
                problems.Error(line, 1, $"unknown care card '::: {card.Info}'; use {string.Join(", ", CareLevels.All.Select(l => "::: " + l.Name))}");
                continue;
            }

            card.SetData(LabelKey, wording(level).Label);
            var count = cardsOfLevel[level] = cardsOfLevel.GetValueOrDefault(level) + 1;
            card.GetAttributes().Id = count == 1 ? level.Anchor : $"{level.Anchor}-{count}";

            RejectHandWrittenSigns(card, level, bodyLineOffset, problems);
            var requested = (card.Arguments ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (requested.Length == 0)
            {
                problems.Error(line, 1,
                    $"a care card names its warning signs by id on its opening line, e.g. '::: {level.Name} {table.OfLevel(level).FirstOrDefault()?.Id ?? "sign-id"}'; " +
                    $"their words and sources come from {WarningSignTable.FileName}");
                continue;
            }

            if (requested.Contains(WarningSignTable.AllSigns, StringComparer.Ordinal))
            {
                if (requested.Length > 1)
                {
                    problems.Error(line, 1, $"'::: {level.Name} {WarningSignTable.AllSigns}' already lists every {level.Name} sign: name no others");
                }

                var groups = table.GroupsOf(level).ToList();
                shown.AddRange(groups.SelectMany(g => g.Select(s => s.Id)));
                Insert(card, wording(level).Lead, groups.Select(g => ((string?)g.Key, (IReadOnlyList<WarningSign>)[.. g])).ToList());
                continue;
            }

            var signs = new List<WarningSign>();
            foreach (var id in requested)
            {
                var sign = table.Find(id);
                if (sign is null)
                {
                    var suggestion = Suggest.Closest(id, table.Ids);
                    problems.Error(line, 1, $"unknown warning sign '{id}': it is not in {WarningSignTable.FileName}" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
                }
                else if (sign.Level != level)
                {
                    problems.Error(line, 1,
                        $"'{id}' is {(sign.Level == CareLevels.SeeADoctor ? "a" : "an")} {sign.Level.Name} sign ({WarningSignTable.FileName} line {sign.Line}): " +
                        $"put it in a '::: {sign.Level.Name}' card, never in '::: {level.Name}'");
                }
                else if (shown.Contains(id, StringComparer.Ordinal))
                {
                    problems.Error(line, 1, $"warning sign '{id}' is already shown on this page: name it once");
                }
                else
                {
                    signs.Add(sign);
                    shown.Add(id);
                }
            }

            Insert(card, wording(level).Lead, [(null, signs)]);
        }

        return shown;
    }

    /// <summary>A list or heading in a card is a sign written by hand, which is how pages drifted apart.</summary>
    private static void RejectHandWrittenSigns(CustomContainer card, CareLevel level, int bodyLineOffset, ProblemSink problems)
    {
        foreach (var block in card.Descendants<Block>())
        {
            if (block is ListBlock or HeadingBlock)
            {
                problems.Error(block.Line + bodyLineOffset + 1, 1,
                    $"a care card may not list warning signs by hand: name them by id on its opening line ('::: {level.Name} sign-id ...'), " +
                    $"from {WarningSignTable.FileName}; a card's own text is plain paragraphs");
            }
        }
    }

    private static void Insert(CustomContainer card, string lead, List<(string? Group, IReadOnlyList<WarningSign> Signs)> groups)
    {
        var blocks = new List<Block> { Paragraph(card.Line, "care-lead", Strong(lead)) };
        foreach (var (group, signs) in groups.Where(g => g.Signs.Count > 0))
        {
            if (group is not null)
            {
                blocks.Add(Paragraph(card.Line, "care-group", Strong(group)));
            }

            // Blocks built here have no parser behind them, which Markdig allows.
            var list = new ListBlock(null!) { BulletType = '-', Line = card.Line };
            foreach (var sign in signs)
            {
                var item = new ListItemBlock(null!) { Line = card.Line };
                item.GetAttributes().AddProperty("data-sign", sign.Id);
                item.Add(Paragraph(card.Line, null, new LiteralInline(sign.Text), new LiteralInline(" "), new CitationInline(sign.SourceKeys) { Line = card.Line }));
                list.Add(item);
            }

            blocks.Add(list);
        }

        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            card.Insert(0, blocks[i]);
        }
    }

    private static EmphasisInline Strong(string text)
    {
        var strong = new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 };
        strong.AppendChild(new LiteralInline(text));
        return strong;
    }

    private static ParagraphBlock Paragraph(int line, string? cssClass, params Inline[] inlines)
    {
        var paragraph = new ParagraphBlock { Line = line, Inline = new ContainerInline() };
        foreach (var inline in inlines)
        {
            paragraph.Inline.AppendChild(inline);
        }

        if (cssClass is not null)
        {
            paragraph.GetAttributes().AddClass(cssClass);
        }

        return paragraph;
    }
}
