using System.Text.RegularExpressions;
using Markdig.Syntax;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Yaml;

namespace NerveSpasmGuide.Content.Articles;

/// <summary>An article file parsed on its own, before links and citations are resolved against the whole set.</summary>
/// <param name="FileHead">The (normalized) file's text before <paramref name="Body"/>: its front matter between the markers.</param>
/// <param name="Body">The Markdown <paramref name="Document"/> was parsed from, which its nodes point into.</param>
public sealed record ArticleDraft(
    ArticleKind Kind,
    string Slug,
    string SourcePath,
    ArticleMeta Meta,
    MarkdownDocument Document,
    DocumentNodes Nodes,
    string FileHead,
    string Body,
    int BodyLineOffset,
    IReadOnlyList<string> WarningSigns,
    ProblemSink Problems)
{
    /// <summary>
    /// The whole (normalized) file, made when asked: the tree already holds the body, and a whole copy of the file
    /// kept beside it would double the text a draft holds.
    /// </summary>
    public string FileText => string.Concat(FileHead, Body);
}

/// <summary>Parses one article file: front matter, Markdown body and the checks that need only this file.</summary>
public static partial class ArticleFileParser
{
    public const int SummaryMaxLength = 160;
    private const string NestedTooDeeply = "the Markdown is nested too deeply to read: use fewer levels of quotes, lists or emphasis";

    public static IReadOnlyList<string> FrontMatterKeys { get; } =
        ["title", "summary", "link_label", "also_called", "icd10", "snomed", "rxnorm", "related", "aliases", "audience", "last_reviewed", "next_review", PageHistory.Key, "keep_words", "draft"];

    /// <summary>Returns null when the file cannot become an article; the reasons are in <paramref name="problems"/>.</summary>
    /// <param name="signs">The warning-sign table its care cards are written from.</param>
    public static ArticleDraft? Parse(ArticleKind kind, string slug, string text, WarningSignTable signs, ProblemSink problems)
    {
        if (!IsSlug(slug))
        {
            problems.Error(1, 1, $"file name '{slug}' is not a valid slug: use lowercase letters, digits and single hyphens");
        }

        text = Normalize(text);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            problems.Error(1, 1, "the file must start with YAML front matter between two '---' lines");
            return null;
        }

        var close = FrontMatterEnd(text);
        if (close < 0)
        {
            problems.Error(1, 1, "the front matter is not closed: add a line '---' after it");
            return null;
        }

        var yaml = text[4..(close + 1)];
        var meta = ReadMeta(yaml, problems);
        var bodyStart = Math.Min(text.Length, close + 5);
        var bodyLineOffset = text.AsSpan(0, bodyStart).Count('\n');
        var body = text[bodyStart..];
        MarkdownDocument document;
        try
        {
            document = GuideMarkdown.Parse(body);
        }
        catch (ArgumentException ex)
        {
            // Markdig refuses input nested past its depth limit (hundreds of quotes, lists or emphasis markers).
            problems.Error(bodyLineOffset + 1, 1, ex.Message.Contains("too deeply nested", StringComparison.Ordinal)
                ? NestedTooDeeply
                : $"the Markdown could not be read: {ex.Message}");
            return null;
        }

        var nodes = DocumentNodes.Of(document);
        if (nodes.Depth > GuideMarkdown.MaximumNestingDepth / 2)
        {
            // Markdig's parser does not bound emphasis nesting, but its renderer refuses deep trees.
            problems.Error(nodes.DeepestLine + bodyLineOffset + 1, 1, NestedTooDeeply);
            return null;
        }

        IReadOnlyList<string> shownSigns = [];
        if (nodes.Containers.Count > 0)
        {
            // The cards gain paragraphs and citations from the table, which the checks, links and numbering must see.
            shownSigns = CareCards.Expand(nodes.Containers, signs, bodyLineOffset, problems);
            nodes = DocumentNodes.Of(document);
        }

        CheckBody(kind, nodes, bodyLineOffset, problems);
        return meta is null ? null : new ArticleDraft(kind, slug, problems.Path, meta, document, nodes, text[..bodyStart], body, bodyLineOffset, shownSigns, problems);
    }

    /// <summary>The Markdown after the front matter (handouts re-render bodies from the stored file text).</summary>
    public static string BodyOf(string fileText)
    {
        var text = Normalize(fileText);
        var close = text.StartsWith("---\n", StringComparison.Ordinal) ? FrontMatterEnd(text) : -1;
        return close < 0 ? text : text[Math.Min(text.Length, close + 5)..];
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    /// <summary>The index of the newline before the '---' line that closes the front matter, or -1.</summary>
    private static int FrontMatterEnd(string text)
    {
        var close = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        while (close >= 0 && close + 4 < text.Length && text[close + 4] != '\n')
        {
            close = text.IndexOf("\n---", close + 4, StringComparison.Ordinal);
        }

        return close;
    }

    public static bool IsSlug(string value) => SlugPattern().IsMatch(value);


    private static ArticleMeta? ReadMeta(string yaml, ProblemSink problems)
    {
        const int lineOffset = 1; // YAML line 1 is file line 2
        var problemsBefore = problems.Problems.Count;
        var root = YamlDocumentReader.Read(yaml, problems, lineOffset);
        if (root is null && problems.Problems.Count > problemsBefore)
        {
            return null;
        }

        var fields = YamlFields.For(root, FrontMatterKeys, problems, lineOffset, "front matter");
        if (fields is null)
        {
            return null;
        }

        var title = fields.Text("title", required: true);
        var linkLabel = fields.Text("link_label", required: false);
        var summary = fields.Text("summary", required: true);
        var lastReviewed = fields.Date("last_reviewed", required: true);
        var nextReview = fields.Date("next_review", required: true);
        var alsoCalled = fields.TextList("also_called").Select(item => item.Value).ToList();
        var codes = new List<string>();
        foreach (var (code, line, column) in fields.TextList("icd10"))
        {
            // Front matter writes codes as readers see them, with the dot (M54.31, not M5431).
            if (Icd10Code.TryParse(code, out var parsed) && string.Equals(parsed.Dotted, code, StringComparison.OrdinalIgnoreCase))
            {
                codes.Add(parsed.Dotted);
            }
            else
            {
                problems.Error(line, column, $"'{code}' is not an ICD-10-CM code (a letter, two characters, then optionally a dot and up to four more, e.g. M54.31)");
            }
        }

        var snomed = DigitCodes(fields, "snomed", SnomedCtId.IsConceptId, problems,
            $"is not a SNOMED CT concept id ({SnomedCtId.MinLength} to {SnomedCtId.MaxLength} digits ending in a concept partition and a Verhoeff check digit, e.g. 23056005): check it in CODES.md");
        var rxnorm = DigitCodes(fields, "rxnorm", RxNormCui.IsValid, problems,
            $"is not an RxNorm RxCUI (1 to {RxNormCui.MaxLength} digits, no leading zero, e.g. 25480)");

        var related = new Dictionary<ArticleKind, IReadOnlyList<SlugReference>>();
        foreach (var (name, line, column, items) in fields.MapOfLists("related"))
        {
            if (!ArticleKinds.TryParseFolder(name, out var relatedKind))
            {
                problems.Error(line, column, $"'related' has unknown kind '{name}'; use {string.Join(", ", ArticleKinds.All.Select(k => k.Folder()))}");
                continue;
            }

            related[relatedKind] = items.Select(i => new SlugReference(i.Value, i.Line, i.Column)).ToList();
        }

        var aliases = fields.TextList("aliases").Select(i => new SlugReference(i.Value, i.Line, i.Column)).ToList();
        foreach (var alias in aliases.Where(a => !IsSlug(a.Slug)))
        {
            problems.Error(alias.Line, alias.Column, $"alias '{alias.Slug}' is not a valid slug");
        }

        var changes = PageHistory.Read(fields, lastReviewed, problems, lineOffset);
        var keepWords = fields.TextList("keep_words").Select(item => item.Value).ToList();
        var draft = fields.Flag("draft", defaultValue: false);
        var audience = Audience.Everyone;
        if (fields.Text("audience", required: false) is { } audienceText &&
            !(audienceText is "adults" or "children" && Enum.TryParse(audienceText, ignoreCase: true, out audience)))
        {
            problems.Error(fields.LineOf("audience"), 1, $"audience '{audienceText}' is not known: use adults or children, or leave it out for everyone");
        }

        if (summary is { Length: > SummaryMaxLength })
        {
            problems.Warning(fields.LineOf("summary"), 1, $"summary is {summary.Length} characters; keep it to {SummaryMaxLength} so it fits search results and cards");
        }

        if (lastReviewed is { } last && nextReview is { } next && next < last)
        {
            problems.Error(fields.LineOf("next_review"), 1, $"next_review ({next:yyyy-MM-dd}) is before last_reviewed ({last:yyyy-MM-dd})");
        }

        if (title is null || summary is null || lastReviewed is null || nextReview is null)
        {
            return null;
        }

        return new ArticleMeta(title, summary, string.IsNullOrEmpty(linkLabel) ? null : linkLabel, alsoCalled, codes.Distinct().ToList(), snomed, rxnorm, related, aliases, lastReviewed.Value, nextReview.Value, changes, keepWords, draft, audience);
    }

    private static List<string> DigitCodes(YamlFields fields, string key, Func<string, bool> isValid, ProblemSink problems, string shape)
    {
        var codes = new List<string>();
        foreach (var (code, line, column) in fields.TextList(key))
        {
            if (!isValid(code))
            {
                problems.Error(line, column, $"'{code}' {shape}");
            }
            else if (codes.Contains(code))
            {
                problems.Error(line, column, $"'{code}' is listed twice under '{key}'");
            }
            else
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private static void CheckBody(ArticleKind kind, DocumentNodes nodes, int bodyLineOffset, ProblemSink problems)
    {
        var previousLevel = 1;
        foreach (var heading in nodes.Headings)
        {
            var line = heading.Line + bodyLineOffset + 1;
            if (heading.Level == 1)
            {
                problems.Error(line, 1, "the title is the page's only h1: start body headings at '##'");
            }
            else if (heading.Level > previousLevel + 1)
            {
                problems.Error(line, 1, $"heading level skips from h{previousLevel} to h{heading.Level}");
            }

            previousLevel = heading.Level;
        }

        if (kind == ArticleKind.Cause && !nodes.Containers.Exists(c => CareLevels.Find(c.Info) is not null))
        {
            problems.Error(bodyLineOffset + 1, 1, "a cause page needs at least one care card (::: emergency, ::: urgent or ::: see-a-doctor)");
        }

        if (nodes.Citations.Count == 0)
        {
            problems.Error(bodyLineOffset + 1, 1, "the article cites no source: add [@key] citations from sources.yaml");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
