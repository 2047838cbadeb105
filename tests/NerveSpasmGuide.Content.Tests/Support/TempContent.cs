using NerveSpasmGuide.Content.Loading;

namespace NerveSpasmGuide.Content.Tests.Support;

/// <summary>A throwaway content folder written file by file, deleted when disposed.</summary>
public sealed class TempContent : IDisposable
{
    public const string Sources = NerveSpasmGuide.TestSupport.SampleContent.Sources;

    /// <summary>One sign of each level, for care cards: <c>::: emergency legs-weak</c>, <c>::: urgent fever</c>, <c>::: see-a-doctor not-better</c>.</summary>
    public const string WarningSigns = """
        signs:
          - id: legs-weak
            level: emergency
            group: Back pain with leg problems
            text: Both legs suddenly weak
            cite: [smith2020]
            home: true
          - id: fever
            level: urgent
            group: Back pain
            text: Back pain with a fever
            cite: [jones2021]
          - id: not-better
            level: see-a-doctor
            group: Pain that lasts
            text: Pain that is not better after a few weeks
            cite: [smith2020]
        """;

    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "nsg-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("sources.yaml", Sources);
        Write("warning-signs.yaml", WarningSigns);
    }

    public string Root { get; }

    public TempContent Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempContent Article(string kindFolder, string slug, string body, string? extraFrontMatter = null, string? title = null) =>
        Write($"{kindFolder}/{slug}.md", ArticleText(title ?? slug, body, extraFrontMatter));

    public static string ArticleText(string title, string body, string? extraFrontMatter = null) => $"""
        ---
        title: {title}
        summary: Summary of {title}.
        last_reviewed: 2026-11-01
        next_review: 2029-11-01
        {extraFrontMatter}
        ---

        {body}
        """;

    public ContentSet Load() => ContentLoader.Load(Root, new FixedClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
