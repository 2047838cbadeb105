using NerveSpasmGuide.Content.Sources;

namespace NerveSpasmGuide.Data.Store;

public sealed class ArticleRecord
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>What a <c>[[slug]]</c> link to the article says (its link label, else its title).</summary>
    public required string LinkText { get; set; }

    public required string Summary { get; set; }

    public List<string> AlsoCalled { get; set; } = [];

    public required string BodyHtml { get; set; }

    /// <summary>
    /// The whole file as imported: the last good version, should a later save of the file break it, and the Markdown
    /// that handouts re-render with citations numbered across several articles.
    /// </summary>
    public required string FileText { get; set; }

    public required string TocJson { get; set; }

    public List<string> CareLevels { get; set; } = [];

    public DateOnly LastReviewed { get; set; }

    public DateOnly NextReview { get; set; }

    public bool IsDraft { get; set; }

    public required string SourcePath { get; set; }

    public int WordCount { get; set; }

    /// <summary>The Flesch–Kincaid grade of the body's prose.</summary>
    public double ReadingGrade { get; set; }

    /// <summary>The SMOG grade of the same prose.</summary>
    public double SmogGrade { get; set; }

    /// <summary><see cref="Content.Articles.Audience"/>'s name: Everyone, Adults or Children.</summary>
    public string Audience { get; set; } = nameof(Content.Articles.Audience.Everyone);

    public List<LinkRecord> OutgoingLinks { get; set; } = [];

    public List<LinkRecord> IncomingLinks { get; set; } = [];

    public List<CitationRecord> Citations { get; set; } = [];

    public List<AliasRecord> Aliases { get; set; } = [];

    public List<CodeRecord> Codes { get; set; } = [];

    public List<ArticleSignRecord> WarningSigns { get; set; } = [];

    public List<ArticleChangeRecord> Changes { get; set; } = [];
}

/// <summary>An entry of an article's page history (front matter <c>changes</c>), in the order written: newest first.</summary>
public sealed class ArticleChangeRecord
{
    public int ArticleId { get; set; }

    /// <summary>The entry's place in the list, from 0 (the newest).</summary>
    public int Position { get; set; }

    public DateOnly Date { get; set; }

    public required string Note { get; set; }

    public ArticleRecord? Article { get; set; }
}

/// <summary>A typed link between articles: <c>Inline</c> from the body, <c>Related</c> from front matter.</summary>
public sealed class LinkRecord
{
    public int Id { get; set; }

    public int FromArticleId { get; set; }

    public int ToArticleId { get; set; }

    public required string Type { get; set; }

    public ArticleRecord? From { get; set; }

    public ArticleRecord? To { get; set; }
}

public sealed class CitationRecord
{
    public int ArticleId { get; set; }

    public int Number { get; set; }

    public required string SourceKey { get; set; }

    /// <summary>How many times the article cites the source: its entry links back to each.</summary>
    public int Uses { get; set; }

    public ArticleRecord? Article { get; set; }

    public SourceRecord? Source { get; set; }
}

public sealed class SourceRecord
{
    public required string Key { get; set; }

    public required string Type { get; set; }

    public required string Authors { get; set; }

    public required string Title { get; set; }

    public required string Container { get; set; }

    public required string Year { get; set; }

    public required string Volume { get; set; }

    public required string Pages { get; set; }

    public required string Doi { get; set; }

    public required string Url { get; set; }

    public List<CitationRecord> Citations { get; set; } = [];

    public Source ToSource() => new(Key, Type, Authors, Title, Container, Year, Volume, Pages, Doi, Url);
}

public sealed class AliasRecord
{
    public required string Alias { get; set; }

    public int ArticleId { get; set; }

    public ArticleRecord? Article { get; set; }
}

public sealed class CodeRecord
{
    /// <summary>The code system, as <see cref="Content.Articles.CodeSystem"/>'s name (Icd10Cm, SnomedCt, RxNorm).</summary>
    public required string System { get; set; }

    /// <summary>The code as matched: ICD-10-CM without the dot, upper case (e.g. M5431); SNOMED CT and RxNorm ids as digits.</summary>
    public required string Code { get; set; }

    /// <summary>The code as written by editors (e.g. M54.31, 23056005).</summary>
    public required string Display { get; set; }

    public int ArticleId { get; set; }

    public ArticleRecord? Article { get; set; }
}

public sealed class SynonymRecord
{
    public required string Term { get; set; }

    public List<string> Slugs { get; set; } = [];
}

/// <summary>A word the site uses, unstemmed, and how often: the vocabulary spelling corrections are drawn from.</summary>
public sealed class SearchWordRecord
{
    public required string Word { get; set; }

    public int Count { get; set; }
}

public sealed class RetiredRecord
{
    public required string Slug { get; set; }

    public required string Reason { get; set; }

    public string? SuggestedSlug { get; set; }
}

/// <summary>A row of warning-signs.yaml, kept so handouts, the home page and the editor dashboard read the same table.</summary>
public sealed class WarningSignRecord
{
    public required string Id { get; set; }

    /// <summary>The sign's place in the table, which orders every list of signs.</summary>
    public int Position { get; set; }

    public required string Level { get; set; }

    public required string GroupName { get; set; }

    public required string Text { get; set; }

    public List<string> SourceKeys { get; set; } = [];

    public bool OnHome { get; set; }

    public List<ArticleSignRecord> ShownOn { get; set; } = [];
}

/// <summary>A warning sign that an article's care cards show.</summary>
public sealed class ArticleSignRecord
{
    public int ArticleId { get; set; }

    public required string SignId { get; set; }

    public ArticleRecord? Article { get; set; }

    public WarningSignRecord? Sign { get; set; }
}

/// <summary>A checked picture from content/media, served from the store so it always matches the published articles.</summary>
public sealed class MediaRecord
{
    public required string Name { get; set; }

    public required string Text { get; set; }
}

/// <summary>A drawing of content/es/media: the English drawing of the same name with Spanish labels.</summary>
public sealed class SpanishMediaRecord
{
    public required string Name { get; set; }

    public required string Text { get; set; }
}

/// <summary>A Spanish page (content/es/), stored whole: its lists as JSON, everything else from its English article.</summary>
public sealed class SpanishArticleRecord
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public List<string> AlsoCalled { get; set; } = [];

    public required string BodyHtml { get; set; }

    /// <summary>The body as written, for handouts, which render it again with citations numbered across the pack.</summary>
    public required string BodyMarkdown { get; set; }

    public required string TocJson { get; set; }

    /// <summary>The sources it cites, numbered by first use (index + 1), as JSON.</summary>
    public required string CitedKeysJson { get; set; }

    public required string CitationUsesJson { get; set; }

    public required string FurtherReadingJson { get; set; }

    public List<string> CareLevels { get; set; } = [];

    public required string SourcePath { get; set; }

    /// <summary>The English file changed after this translation: shown to editors, and the page says so.</summary>
    public bool Stale { get; set; }

    public double ReadingEase { get; set; }
}

/// <summary>A warning sign's words in Spanish (its level and sources are the English table's).</summary>
public sealed class SpanishWarningSignRecord
{
    public required string Id { get; set; }

    public required string GroupName { get; set; }

    public required string Text { get; set; }
}

/// <summary>A lay term Spanish-speaking readers search for, and the pages it finds.</summary>
public sealed class SpanishSynonymRecord
{
    public required string Term { get; set; }

    public List<string> Slugs { get; set; } = [];
}
