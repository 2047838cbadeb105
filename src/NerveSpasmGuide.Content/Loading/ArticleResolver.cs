using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Readability;
using NerveSpasmGuide.Content.Sources;
using NerveSpasmGuide.Content.Yaml;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>Resolves links and citations across the whole set, rewrites the parsed trees and renders them.</summary>
internal static class ArticleResolver
{
    public const double MaxReadingGrade = 8.0;
    private static readonly string[] SafeSchemes = ["http://", "https://", "mailto:"];

    public static IReadOnlyList<Article> Resolve(
        List<ArticleDraft> drafts,
        IReadOnlyList<Source> sources,
        IReadOnlyList<Synonym> synonyms,
        IReadOnlyList<RetiredSlug> retired,
        TimeProvider clock,
        List<ContentProblem> problems,
        bool render)
    {
        var bySlug = ClaimSlugs(drafts);
        var sourceKeys = sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var owners = drafts.Where(d => bySlug.TryGetValue(d.Slug, out var owner) && owner == d).ToList();
        var resolved = new Article[owners.Count];

        // Each article's tree is its own and the lookups are read-only, so articles resolve and render in parallel.
        Parallel.For(0, owners.Count, index =>
        {
            var draft = owners[index];
            var sink = draft.Problems;
            var offset = draft.BodyLineOffset;
            var links = new List<ArticleLink>();

            foreach (var link in draft.Nodes.WikiLinks)
            {
                if (bySlug.TryGetValue(link.Target, out var target) && !target.Meta.Draft)
                {
                    Point(link, target.Kind.UrlPath(target.Slug), target.Meta.Title);
                    links.Add(new ArticleLink(target.Slug, LinkType.Inline));
                }
                else
                {
                    var suggestion = Suggest.Closest(link.Target, bySlug.Keys);
                    var reason = target is null ? "no article has that slug" : "that article is a draft";
                    sink.Error(link.Line + offset + 1, link.Column + 1,
                        $"unresolved link [[{link.Target}]]: {reason}" + (suggestion is null || target is not null ? "" : $" (did you mean [[{suggestion}]]?)"));
                }
            }

            foreach (var (kind, references) in draft.Meta.Related)
            {
                foreach (var reference in references)
                {
                    if (bySlug.TryGetValue(reference.Slug, out var target) && target.Kind == kind && !target.Meta.Draft)
                    {
                        links.Add(new ArticleLink(target.Slug, LinkType.Related));
                    }
                    else
                    {
                        var hint = target is not null && target.Kind != kind ? $" (it is under {target.Kind.Folder()})" : "";
                        sink.Error(reference.Line, reference.Column, $"related {kind.Folder()} '{reference.Slug}' does not exist{hint}");
                    }
                }
            }

            var cited = NumberCitations(draft, sourceKeys, sink);
            MakeLinksSafe(draft.Nodes, offset, sink);

            var units = TextUnits(draft.Nodes);
            var statistics = ReadingGrade.Measure(units);
            if (statistics.Grade > MaxReadingGrade)
            {
                sink.Warning(offset + 1, 1, $"reading grade {statistics.Grade:0.0} is above {MaxReadingGrade:0}: use shorter sentences and common words");
            }

            if (draft.Meta.NextReview < today)
            {
                sink.Warning(1, 1, $"review overdue since {draft.Meta.NextReview:yyyy-MM-dd}");
            }
            else if (draft.Meta.NextReview <= today.AddDays(30))
            {
                sink.Warning(1, 1, $"review due on {draft.Meta.NextReview:yyyy-MM-dd}");
            }

            resolved[index] = new Article(
                draft.Kind,
                draft.Slug,
                draft.SourcePath,
                draft.Meta,
                render ? GuideMarkdown.Render(draft.Document) : "",
                string.Join('\n', units),
                TableOfContents(draft.Nodes),
                links.Distinct().ToList(),
                cited,
                draft.Nodes.Containers.Select(c => c.Info ?? "").Distinct().ToList(),
                statistics.Words,
                statistics.Grade,
                draft.FileText);
        });

        var articles = resolved.ToList();
        var citedAnywhere = articles.SelectMany(a => a.CitedSourceKeys).ToHashSet(StringComparer.Ordinal);

        ReportSynonyms(synonyms, bySlug, problems);
        ReportRetired(retired, bySlug, drafts, problems);
        ReportOrphans(articles, problems);
        foreach (var source in sources.Where(s => !citedAnywhere.Contains(s.Key)))
        {
            problems.Add(new ContentProblem(SourceFileReader.SourcesFile, source.Line, 1, ProblemSeverity.Warning, $"source '{source.Key}' is never cited"));
        }

        return articles;
    }

    /// <summary>Slugs and aliases share one namespace: the first file (by path) keeps a contested name.</summary>
    private static Dictionary<string, ArticleDraft> ClaimSlugs(List<ArticleDraft> drafts)
    {
        var owners = new Dictionary<string, ArticleDraft>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            if (!owners.TryAdd(draft.Slug, draft))
            {
                draft.Problems.Error(1, 1, $"slug '{draft.Slug}' is already used by {owners[draft.Slug].SourcePath}");
            }
        }

        foreach (var draft in drafts)
        {
            foreach (var alias in draft.Meta.Aliases)
            {
                if (owners.TryGetValue(alias.Slug, out var owner))
                {
                    draft.Problems.Error(alias.Line, alias.Column, $"alias '{alias.Slug}' is already the slug of {owner.SourcePath}");
                }
            }
        }

        var aliasOwners = new Dictionary<string, ArticleDraft>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            foreach (var alias in draft.Meta.Aliases.Where(a => !owners.ContainsKey(a.Slug)))
            {
                if (!aliasOwners.TryAdd(alias.Slug, draft) && aliasOwners[alias.Slug] != draft)
                {
                    draft.Problems.Error(alias.Line, alias.Column, $"alias '{alias.Slug}' is already claimed by {aliasOwners[alias.Slug].SourcePath}");
                }
            }
        }

        return owners;
    }

    internal static void Point(WikiLinkInline link, string href, string title)
    {
        link.Href = href;
        link.Text = link.Label ?? InlineTitle(title);
    }

    private static List<string> NumberCitations(ArticleDraft draft, HashSet<string> sourceKeys, ProblemSink sink)
    {
        var order = new List<string>();
        NumberCitations(draft.Nodes, order, sourceKeys, (citation, key) =>
        {
            var suggestion = Suggest.Closest(key, sourceKeys);
            sink.Error(citation.Line + draft.BodyLineOffset + 1, citation.Column + 1,
                $"unknown citation key '@{key}': it is not in sources.yaml" + (suggestion is null ? "" : $" (did you mean '@{suggestion}'?)"));
        });
        return order;
    }

    /// <summary>Numbers citations by first use, continuing <paramref name="order"/> (shared across a bundle of pages).</summary>
    internal static void NumberCitations(DocumentNodes nodes, List<string> order, IReadOnlySet<string> sourceKeys, Action<CitationInline, string> unknown)
    {
        foreach (var citation in nodes.Citations)
        {
            var numbers = new List<int>();
            foreach (var key in citation.Keys)
            {
                if (!sourceKeys.Contains(key))
                {
                    unknown(citation, key);
                    continue;
                }

                var index = order.IndexOf(key);
                if (index < 0)
                {
                    order.Add(key);
                    index = order.Count - 1;
                }

                numbers.Add(index + 1);
            }

            citation.Numbers = numbers;
        }
    }

    /// <summary>Only web and mail links survive; anything else (javascript:, data:, file:) becomes its plain text.</summary>
    internal static void MakeLinksSafe(DocumentNodes nodes, int offset, ProblemSink sink)
    {
        foreach (var link in nodes.Links)
        {
            var url = link.Url?.Trim() ?? "";
            var isSafe = SafeSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)) ||
                         (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) ||
                         url.StartsWith('#');
            if (link.IsImage)
            {
                sink.Error(link.Line + offset + 1, link.Column + 1, "images are not supported in articles");
                link.ReplaceBy(new LiteralInline(""));
            }
            else if (!isSafe)
            {
                sink.Error(link.Line + offset + 1, link.Column + 1, $"link target '{Shorten(url)}' is not allowed: use https:// links or [[slug]]");
                Unwrap(link);
            }
            else if (!url.StartsWith('/') && !url.StartsWith('#'))
            {
                link.GetAttributes().AddClass("external");
                link.GetAttributes().AddProperty("rel", "noopener");
            }
        }

        foreach (var autolink in nodes.Autolinks)
        {
            if (!SafeSchemes.Any(s => autolink.Url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>Lower-cases a title's first letter for use mid-sentence, unless it starts with an acronym ("NSAIDs").</summary>
    private static string InlineTitle(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;

    private static List<TocEntry> TableOfContents(DocumentNodes nodes) =>
        nodes.Headings
            .Where(h => h.Level is 2 or 3)
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id ?? "", PlainText(h.Inline)))
            .Where(e => e.Id.Length > 0)
            .ToList();

    /// <summary>The readable text of the body: paragraphs and list items, without headings, citations or code.</summary>
    private static List<string> TextUnits(DocumentNodes nodes) =>
        nodes.Paragraphs
            .Select(p => PlainText(p.Inline).Trim())
            .Where(text => text.Length > 0)
            .ToList();

    private static string PlainText(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }

        var builder = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case WikiLinkInline link:
                    builder.Append(link.Text);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                default:
                    break;
            }
        }

        return builder.ToString().Replace(" .", ".", StringComparison.Ordinal);
    }

    private static void ReportSynonyms(IReadOnlyList<Synonym> synonyms, Dictionary<string, ArticleDraft> bySlug, List<ContentProblem> problems)
    {
        foreach (var synonym in synonyms)
        {
            foreach (var slug in synonym.Slugs.Where(s => !bySlug.ContainsKey(s)))
            {
                problems.Add(new ContentProblem(SourceFileReader.SynonymsFile, synonym.Line, 1, ProblemSeverity.Error,
                    $"synonym '{synonym.Term}' points at '{slug}', which no article has"));
            }
        }
    }

    private static void ReportRetired(IReadOnlyList<RetiredSlug> retired, Dictionary<string, ArticleDraft> bySlug, List<ArticleDraft> drafts, List<ContentProblem> problems)
    {
        var aliases = drafts.SelectMany(d => d.Meta.Aliases.Select(a => a.Slug)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in retired)
        {
            if (bySlug.ContainsKey(entry.Slug) || aliases.Contains(entry.Slug))
            {
                problems.Add(new ContentProblem(SourceFileReader.RetiredFile, entry.Line, 1, ProblemSeverity.Error,
                    $"'{entry.Slug}' is retired but an article still uses it as its slug or alias"));
            }

            if (entry.Suggested is { } suggested && !bySlug.ContainsKey(suggested))
            {
                problems.Add(new ContentProblem(SourceFileReader.RetiredFile, entry.Line, 1, ProblemSeverity.Error,
                    $"retired '{entry.Slug}' suggests '{suggested}', which no article has"));
            }
        }

        foreach (var duplicate in retired.GroupBy(r => r.Slug).Where(g => g.Count() > 1))
        {
            problems.Add(new ContentProblem(SourceFileReader.RetiredFile, duplicate.Last().Line, 1, ProblemSeverity.Error, $"'{duplicate.Key}' is listed twice"));
        }
    }

    private static void ReportOrphans(List<Article> articles, List<ContentProblem> problems)
    {
        var linked = articles.SelectMany(a => a.Links.Where(l => l.TargetSlug != a.Slug).Select(l => l.TargetSlug)).ToHashSet(StringComparer.Ordinal);
        foreach (var article in articles.Where(a => !linked.Contains(a.Slug) && !a.Meta.Draft))
        {
            problems.Add(new ContentProblem(article.SourcePath, 1, 1, ProblemSeverity.Warning, "orphan: no other article links here"));
        }
    }
}
