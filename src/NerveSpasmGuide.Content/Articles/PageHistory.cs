using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace NerveSpasmGuide.Content.Articles;

/// <summary>One entry of an article's page history: the day it changed and one plain line saying how.</summary>
public sealed record PageChange(DateOnly Date, string Note);

/// <summary>
/// Reads the optional <c>changes</c> list of front matter: entries of a <c>date</c> and a one-line <c>note</c>, newest
/// first, the newest dated on the article's <c>last_reviewed</c> (a change is published with a review).
/// </summary>
internal static class PageHistory
{
    public const string Key = "changes";

    /// <summary>A note is one line a reader takes in at a glance, in the page's footer and in a feed reader.</summary>
    public const int NoteMaxLength = 160;

    private static readonly string[] EntryKeys = ["date", "note"];

    /// <param name="lastReviewed">The article's last_reviewed, when it could be read.</param>
    /// <param name="lineOffset">File lines before the YAML text.</param>
    public static IReadOnlyList<PageChange> Read(YamlFields fields, DateOnly? lastReviewed, ProblemSink problems, int lineOffset)
    {
        var node = fields.Node(Key);
        if (node is null || node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            fields.Error(node, $"'{Key}' must be a list of entries, each '- date: YYYY-MM-DD' with a 'note:' line under it");
            return [];
        }

        var changes = new List<(PageChange Change, int Line)>();
        foreach (var item in list.Children)
        {
            var entry = YamlFields.For(item, EntryKeys, problems, lineOffset, $"an entry of '{Key}'");
            if (entry is null)
            {
                continue;
            }

            var date = entry.Date("date", required: true);
            var note = entry.Text("note", required: true);
            if (note is not null && note.Contains('\n', StringComparison.Ordinal))
            {
                problems.Error(entry.LineOf("note"), 1, "a change's note is one plain line: say what changed in a single sentence");
                note = null;
            }
            else if (note is { Length: > NoteMaxLength })
            {
                problems.Error(entry.LineOf("note"), 1, $"a change's note is {note.Length} characters; keep it to {NoteMaxLength}, one plain line");
                note = null;
            }
            else if (note is not null && Markup.FirstCharacter(note) is { } markup)
            {
                problems.Error(entry.LineOf("note"), 1, $"a change's note is plain words: '{markup}' is Markdown or HTML");
                note = null;
            }

            if (date is { } day && changes.Count > 0 && day > changes[^1].Change.Date)
            {
                problems.Error(entry.LineOf("date"), 1,
                    $"'{Key}' are listed newest first: {day:yyyy-MM-dd} is newer than {changes[^1].Change.Date:yyyy-MM-dd} on line {changes[^1].Line}");
            }

            if (date is not null && note is not null)
            {
                changes.Add((new PageChange(date.Value, note), entry.LineOf("date")));
            }
        }

        if (changes.Count > 0 && lastReviewed is { } last && changes[0].Change.Date != last)
        {
            problems.Error(changes[0].Line, 1,
                $"the newest change is dated {changes[0].Change.Date:yyyy-MM-dd} but last_reviewed is {last:yyyy-MM-dd}: a change is published with a review, so the two dates are the same");
        }

        return [.. changes.Select(c => c.Change)];
    }
}
