using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Media;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Readability;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Sources;
using NerveSpasmGuide.Content.Yaml;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>Resolves links and citations across the whole set, rewrites the parsed trees and renders them.</summary>
internal static class ArticleResolver
{
    public const double MaxReadingGrade = 8.0;
    private static readonly string[] SafeSchemes = ["http://", "https://", "mailto:"];

    /// <summary>
    /// Resolves and renders each draft (all of them own their slug) against the owners of every slug, and hands each
    /// article to <paramref name="rendered"/> with its index, from several threads at once.
    /// </summary>
    /// <param name="draftAt">Parses the draft of each index when its turn comes, so that only the trees of the pages being rendered are held.</param>
    public static ResolvedOutline[] Resolve(
        int count,
        Func<int, ArticleDraft> draftAt,
        IReadOnlyDictionary<string, SlugOwner> owners,
        SiteTables tables,
        DateOnly today,
        bool render,
        Action<int, Article> rendered)
    {
        var sourceKeys = tables.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var resolved = new ResolvedOutline[count];

        // Each article's tree is its own and the lookups are read-only, so articles resolve and render in parallel.
        Parallel.For(0, count, index =>
        {
            var draft = draftAt(index);
            var sink = new ProblemSink(draft.SourcePath);
            var offset = draft.BodyLineOffset;
            var links = new List<ArticleLink>();
            var unresolved = false;

            foreach (var link in draft.Nodes.WikiLinks)
            {
                if (owners.TryGetValue(link.Target, out var target) && !target.Draft)
                {
                    Point(link, target.Kind.UrlPath(link.Target), target.LinkText);
                    links.Add(new ArticleLink(link.Target, LinkType.Inline));
                }
                else
                {
                    unresolved = true;
                    var suggestion = Suggest.Closest(link.Target, owners.Keys);
                    var reason = target is null ? "no article has that slug" : "that article is a draft";
                    sink.Error(link.Line + offset + 1, link.Column + 1,
                        $"unresolved link [[{link.Target}]]: {reason}" + (suggestion is null || target is not null ? "" : $" (did you mean [[{suggestion}]]?)"),
                        target is null ? link.Target : null);
                }
            }

            foreach (var (kind, references) in draft.Meta.Related)
            {
                foreach (var reference in references)
                {
                    if (owners.TryGetValue(reference.Slug, out var target) && target.Kind == kind && !target.Draft)
                    {
                        links.Add(new ArticleLink(reference.Slug, LinkType.Related));
                    }
                    else
                    {
                        var hint = target is not null && target.Kind != kind ? $" (it is under {target.Kind.Folder()})" : "";
                        sink.Error(reference.Line, reference.Column, $"related {kind.Folder()} '{reference.Slug}' does not exist{hint}", target is null ? reference.Slug : null);
                    }
                }
            }

            var cited = NumberCitations(draft, sourceKeys, sink);
            MakeLinksSafe(draft.Nodes, offset, sink, tables.Media);

            var units = TextUnits(draft.Nodes);
            WarnOfNestedBrackets(draft.Nodes, offset, sink);
            PlainWords.Check(draft.Nodes, draft.Meta, offset, tables.PlainWords, sink);
            var statistics = ReadingGrade.Measure(units);
            if (statistics.Grade > MaxReadingGrade)
            {
                sink.Warning(offset + 1, 1, $"reading grade {statistics.Grade:0.0} (Flesch–Kincaid; SMOG {statistics.Smog:0.0}) is above {MaxReadingGrade:0}: use shorter sentences and common words");
            }

            if (draft.Meta.NextReview < today)
            {
                sink.Warning(1, 1, $"review overdue since {draft.Meta.NextReview:yyyy-MM-dd}");
            }
            else if (draft.Meta.NextReview <= today.AddDays(30))
            {
                sink.Warning(1, 1, $"review due on {draft.Meta.NextReview:yyyy-MM-dd}");
            }

            var distinctLinks = links.Distinct().ToList();
            var article = new Article(
                draft.Kind,
                draft.Slug,
                draft.SourcePath,
                draft.Meta,
                render ? GuideMarkdown.Render(draft.Document) : "",
                string.Join('\n', units),
                TableOfContents(draft.Nodes),
                distinctLinks,
                cited.Keys,
                cited.Uses,
                draft.Nodes.Containers.Select(c => c.Info ?? "").Distinct().ToList(),
                draft.WarningSigns,
                statistics.Words,
                statistics.Grade,
                statistics.Smog,
                draft.FileText);
            resolved[index] = new ResolvedOutline(distinctLinks, cited.Keys, [.. sink.Problems], unresolved);
            rendered(index, article);
        });

        return resolved;
    }

    /// <summary>The checks that look at the whole site at once, made from the outlines of every file (path order).</summary>
    /// <returns>The problems each page's own file is blamed for (warning signs it must show), by path.</returns>
    /// <param name="citedElsewhere">Sources the Spanish pages cite or list as further reading.</param>
    public static Dictionary<string, List<ContentProblem>> ReportSite(
        IReadOnlyList<FileEntry> entries, IReadOnlyDictionary<string, SlugOwner> owners, SiteTables tables, List<ContentProblem> problems, IReadOnlySet<string> citedElsewhere)
    {
        var articles = entries.Where(e => e.Resolved is not null).ToList();
        ReportSynonyms(tables.Synonyms, owners, problems);
        ReportRetired(tables.Retired, owners, entries, problems);
        ReportOrphans(articles, problems);
        var pageProblems = ReportMissingSigns(tables.WarningSigns, tables.ArticleFiles, articles, problems);
        var citedAnywhere = articles.SelectMany(a => a.Resolved!.CitedSourceKeys).Concat(citedElsewhere).ToHashSet(StringComparer.Ordinal);
        foreach (var source in tables.Sources.Where(s => !citedAnywhere.Contains(s.Key)))
        {
            problems.Add(new ContentProblem(SourceFileReader.SourcesFile, source.Line, 1, ProblemSeverity.Warning, $"source '{source.Key}' is never cited"));
        }

        return pageProblems;
    }

    /// <summary>Slugs and aliases share one namespace: the first file (by path) keeps a contested name.</summary>
    /// <param name="entries">The files that parsed, in path order.</param>
    /// <returns>Each slug's owner, and the problems of the files that lost a claim, by path.</returns>
    public static (Dictionary<string, SlugOwner> Owners, Dictionary<string, List<ContentProblem>> Problems) ClaimSlugs(IReadOnlyList<FileEntry> entries)
    {
        var owners = new Dictionary<string, SlugOwner>(StringComparer.Ordinal);
        var problems = new Dictionary<string, List<ContentProblem>>(StringComparer.Ordinal);
        void Error(FileEntry entry, int line, int column, string message)
        {
            if (!problems.TryGetValue(entry.SourcePath, out var list))
            {
                problems[entry.SourcePath] = list = [];
            }

            list.Add(new ContentProblem(entry.SourcePath, line, column, ProblemSeverity.Error, message));
        }

        foreach (var entry in entries)
        {
            var meta = entry.Outline!.Meta;
            if (!owners.TryAdd(entry.Slug, new SlugOwner(entry.SourcePath, entry.Kind, meta.Draft, meta.LinkText)))
            {
                Error(entry, 1, 1, $"slug '{entry.Slug}' is already used by {owners[entry.Slug].SourcePath}");
            }
        }

        foreach (var entry in entries)
        {
            foreach (var alias in entry.Outline!.Meta.Aliases)
            {
                if (owners.TryGetValue(alias.Slug, out var owner))
                {
                    Error(entry, alias.Line, alias.Column, $"alias '{alias.Slug}' is already the slug of {owner.SourcePath}");
                }
            }
        }

        var aliasOwners = new Dictionary<string, FileEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var alias in entry.Outline!.Meta.Aliases.Where(a => !owners.ContainsKey(a.Slug)))
            {
                if (!aliasOwners.TryAdd(alias.Slug, entry) && aliasOwners[alias.Slug] != entry)
                {
                    Error(entry, alias.Line, alias.Column, $"alias '{alias.Slug}' is already claimed by {aliasOwners[alias.Slug].SourcePath}");
                }
            }
        }

        return (owners, problems);
    }

    /// <param name="linkText">The target's <see cref="ArticleMeta.LinkText"/>, shown unless the link gives words of its own.</param>
    internal static void Point(WikiLinkInline link, string href, string linkText)
    {
        link.Href = href;
        var text = link.Label ?? linkText;
        link.Text = StartsSentence(link) && text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>
    /// A link that opens a paragraph or list item, or follows a full stop, starts a sentence: its first word gets a
    /// capital. Spaces and citations between the full stop and the link do not count, and a bold sentence
    /// ("**Damage to the nerves.** [[peripheral-neuropathy]] means ...") ends where its last word does.
    /// </summary>
    private static bool StartsSentence(WikiLinkInline link)
    {
        // A link that opens emphasis ("**[[nsaids]]** help") starts where the emphasis starts.
        Inline node = link;
        while (node.PreviousSibling is null && node.Parent is { ParentBlock: null } outer)
        {
            node = outer;
        }

        var before = node.PreviousSibling;
        while (before is CitationInline || (before is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()))
        {
            before = before.PreviousSibling;
        }

        return before is null
            ? node.Parent?.ParentBlock is not null
            : LastText(before).TrimEnd() is { Length: > 0 } text && text[^1] is '.' or '!' or '?';
    }

    private static string LastText(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        ContainerInline container => container.LastChild is { } last ? LastText(last) : "",
        _ => "",
    };

    private static CitationOrder NumberCitations(ArticleDraft draft, HashSet<string> sourceKeys, ProblemSink sink)
    {
        var order = new CitationOrder();
        NumberCitations(draft.Nodes, order, sourceKeys, (citation, key) =>
        {
            var suggestion = Suggest.Closest(key, sourceKeys);
            sink.Error(citation.Line + draft.BodyLineOffset + 1, citation.Column + 1,
                $"unknown citation key '@{key}': it is not in sources.yaml" + (suggestion is null ? "" : $" (did you mean '@{suggestion}'?)"));
        });
        return order;
    }

    /// <summary>
    /// Numbers citations by first use, continuing <paramref name="order"/> (shared across a bundle of pages). A cluster
    /// reads lowest number first, whatever order the keys were written in, and names a source once.
    /// </summary>
    internal static void NumberCitations(DocumentNodes nodes, CitationOrder order, IReadOnlySet<string> sourceKeys, Action<CitationInline, string> unknown)
    {
        foreach (var citation in nodes.Citations)
        {
            var cited = new List<CitedSource>();
            foreach (var key in citation.Keys.Distinct(StringComparer.Ordinal))
            {
                if (!sourceKeys.Contains(key))
                {
                    unknown(citation, key);
                    continue;
                }

                var index = order.Keys.IndexOf(key);
                if (index < 0)
                {
                    order.Keys.Add(key);
                    order.Uses.Add(0);
                    index = order.Keys.Count - 1;
                }

                order.Uses[index]++;
                cited.Add(new CitedSource(index + 1, order.Uses[index]));
            }

            citation.Cited = [.. cited.OrderBy(c => c.Number)];
        }
    }

    /// <summary>
    /// Only web and mail links survive; anything else (javascript:, data:, file:) becomes its plain text. Images must be
    /// checked pictures from content/media with alt text, and point at where the site serves them.
    /// </summary>
    /// <param name="media">The pictures that passed their checks; null when the content was checked at import (handouts).</param>
    internal static void MakeLinksSafe(DocumentNodes nodes, int offset, ProblemSink sink, IReadOnlySet<string>? media)
    {
        foreach (var link in nodes.Links)
        {
            var url = link.Url?.Trim() ?? "";
            var isSafe = SafeSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)) ||
                         (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) ||
                         url.StartsWith('#');
            if (link.IsImage)
            {
                PointImage(link, url, offset, sink, media);
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

    /// <summary>
    /// Points each picture that <see cref="MakeLinksSafe"/> checked at its version with labels in the page's language
    /// when there is one (<paramref name="translated"/> holds their file names); returns the pictures that have none.
    /// </summary>
    internal static List<LinkInline> PointTranslatedPictures(DocumentNodes nodes, IReadOnlySet<string> translated, Func<string, string> urlPath)
    {
        var untranslated = new List<LinkInline>();
        foreach (var image in nodes.Links.Where(l => l.IsImage && l.Parent is not null))
        {
            var name = image.Url is { } url && url.StartsWith(MediaFolder.UrlPath(""), StringComparison.Ordinal) ? url[MediaFolder.UrlPath("").Length..] : null;
            if (name is not null && translated.Contains(name))
            {
                image.Url = urlPath(name);
            }
            else if (name is not null)
            {
                untranslated.Add(image);
            }
        }

        return untranslated;
    }

    private static void PointImage(LinkInline image, string url, int offset, ProblemSink sink, IReadOnlySet<string>? media)
    {
        var line = image.Line + offset + 1;
        var column = image.Column + 1;
        var prefix = MediaFolder.Folder + "/";
        var name = url.StartsWith(prefix, StringComparison.Ordinal) ? url[prefix.Length..] : null;
        string? problem = null;
        if (name is null || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            problem = $"image '{Shorten(url)}' is not allowed: pictures come from content/media, written as ![what it shows]({prefix}name.svg)";
        }
        else if (media is not null && !media.Contains(name))
        {
            problem = $"image '{url}' is not a checked picture in content/{MediaFolder.Folder}: the file is missing or has errors of its own";
        }
        else if (PlainText(image).Trim().Length == 0)
        {
            problem = $"image '{url}' needs alt text that says what the picture shows: ![what it shows]({url})";
        }

        if (problem is not null)
        {
            sink.Error(line, column, problem);
            image.ReplaceBy(new LiteralInline(PlainText(image)));
            return;
        }

        image.Url = MediaFolder.UrlPath(name!);
        image.GetAttributes().AddClass("figure");
        image.GetAttributes().AddProperty("loading", "lazy");
    }

    /// <summary>A link label that already has brackets, followed by brackets of the editor's, reads "NSAIDs (...) (...)".</summary>
    private static void WarnOfNestedBrackets(DocumentNodes nodes, int offset, ProblemSink sink)
    {
        foreach (var link in nodes.WikiLinks.Where(l => l.Text.EndsWith(')')))
        {
            if (link.NextSibling is LiteralInline next && next.Content.ToString().TrimStart().StartsWith('('))
            {
                sink.Warning(link.Line + offset + 1, link.Column + 1,
                    $"the link reads '{link.Text}' and is followed by more brackets: write [[{link.Target}|shorter words]], or give the article a link_label");
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

    internal static List<TocEntry> TableOfContents(DocumentNodes nodes)
    {
        var sections = nodes.Headings.Where(h => h.Level == 2).ToList();
        var withCards = nodes.Containers
            .Where(c => CareLevels.Find(c.Info) is not null)
            .Select(c => sections.LastOrDefault(h => h.Line < c.Line))
            .OfType<HeadingBlock>()
            .ToHashSet();
        return nodes.Headings
            .Where(h => h.Level is 2 or 3)
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id ?? "", PlainText(h.Inline), withCards.Contains(h)))
            .Where(e => e.Id.Length > 0)
            .ToList();
    }

    /// <summary>The readable text of the body: paragraphs and list items, without headings, citations or code.</summary>
    internal static List<string> TextUnits(DocumentNodes nodes) =>
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

    private static void ReportSynonyms(IReadOnlyList<Synonym> synonyms, IReadOnlyDictionary<string, SlugOwner> bySlug, List<ContentProblem> problems)
    {
        foreach (var synonym in synonyms)
        {
            foreach (var slug in synonym.Slugs.Where(s => !bySlug.ContainsKey(s)))
            {
                problems.Add(new ContentProblem(SourceFileReader.SynonymsFile, synonym.Line, 1, ProblemSeverity.Error,
                    $"synonym '{synonym.Term}' points at '{slug}', which no article has") { PointsAt = slug });
            }
        }
    }

    private static void ReportRetired(IReadOnlyList<RetiredSlug> retired, IReadOnlyDictionary<string, SlugOwner> bySlug, IReadOnlyList<FileEntry> entries, List<ContentProblem> problems)
    {
        var aliases = entries.SelectMany(e => e.Outline?.Meta.Aliases.Select(a => a.Slug) ?? []).ToHashSet(StringComparer.Ordinal);
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
                    $"retired '{entry.Slug}' suggests '{suggested}', which no article has") { PointsAt = suggested });
            }
        }

        foreach (var duplicate in retired.GroupBy(r => r.Slug).Where(g => g.Count() > 1))
        {
            problems.Add(new ContentProblem(SourceFileReader.RetiredFile, duplicate.Last().Line, 1, ProblemSeverity.Error, $"'{duplicate.Key}' is listed twice"));
        }
    }

    /// <summary>Each page must show the signs <c>warning-signs.yaml</c> requires of it, so none can drop a sign that applies.</summary>
    private static Dictionary<string, List<ContentProblem>> ReportMissingSigns(
        WarningSignTable table, IReadOnlySet<string> articleFiles, List<FileEntry> pages, List<ContentProblem> problems)
    {
        var pageProblems = new Dictionary<string, List<ContentProblem>>(StringComparer.Ordinal);
        foreach (var requirement in table.Requirements)
        {
            var slash = requirement.Scope.IndexOf('/', StringComparison.Ordinal);
            var kindName = slash < 0 ? requirement.Scope : requirement.Scope[..slash];
            var slug = slash < 0 ? null : requirement.Scope[(slash + 1)..];
            var isKind = ArticleKinds.TryParseFolder(kindName, out var kind);
            if (slug is not null ? !articleFiles.Contains(requirement.Scope) : !isKind)
            {
                var kinds = string.Join(", ", ArticleKinds.All.Select(k => k.Folder()));
                problems.Add(new ContentProblem(WarningSignTable.FileName, requirement.Line, 1, ProblemSeverity.Error, slug is not null
                    ? $"'{requirement.Scope}' is not a page: use a kind ({kinds}) or kind/slug"
                    : $"'{requirement.Scope}' is not a kind: use one of {kinds}, or kind/slug"));
                continue;
            }

            foreach (var page in pages.Where(d => d.Kind == kind && (slug is null || d.Slug == slug)))
            {
                foreach (var missing in requirement.SignIds.Where(id => !page.Outline!.WarningSigns.Contains(id, StringComparer.Ordinal)))
                {
                    var sign = table.Find(missing)!;
                    if (!pageProblems.TryGetValue(page.SourcePath, out var list))
                    {
                        pageProblems[page.SourcePath] = list = [];
                    }

                    list.Add(new ContentProblem(page.SourcePath, page.Outline!.BodyLineOffset + 1, 1, ProblemSeverity.Error,
                        $"this page must show the warning sign '{missing}' ({WarningSignTable.FileName} line {requirement.Line} requires it): " +
                        $"add it to a '::: {sign.Level.Name}' card" + (requirement.All ? $", or use '::: {sign.Level.Name} {WarningSignTable.AllSigns}'" : "")));
                }
            }
        }

        return pageProblems;
    }

    private static void ReportOrphans(List<FileEntry> articles, List<ContentProblem> problems)
    {
        var linked = articles.SelectMany(a => a.Resolved!.Links.Where(l => l.TargetSlug != a.Slug).Select(l => l.TargetSlug)).ToHashSet(StringComparer.Ordinal);
        foreach (var article in articles.Where(a => !linked.Contains(a.Slug) && !a.Outline!.Meta.Draft))
        {
            problems.Add(new ContentProblem(article.SourcePath, 1, 1, ProblemSeverity.Warning, "orphan: no other article links here"));
        }
    }
}
