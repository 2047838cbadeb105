using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;

namespace NerveSpasmGuide.Content.Markdown;

/// <summary>Adds the guide's syntax: wiki links, citations and care cards.</summary>
public sealed class GuideMarkdownExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<GuideInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new GuideInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }

        html.ObjectRenderers.AddIfNotAlready(new WikiLinkRenderer());
        html.ObjectRenderers.AddIfNotAlready(new CitationRenderer());
        html.ObjectRenderers.ReplaceOrAdd<HtmlCustomContainerRenderer>(new CareCardRenderer());
    }
}

/// <summary>The one Markdig pipeline of the guide, built once.</summary>
public static class GuideMarkdown
{
    /// <summary>
    /// One limit for parsing and rendering: Markdig's parser otherwise accepts deeper inline nesting than its renderer,
    /// so a file could parse, pass every check and then fail to render. Far above any real article.
    /// </summary>
    public const int MaximumNestingDepth = 100;

    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder { MaximumNestingDepth = MaximumNestingDepth }
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCustomContainers()
        .UsePipeTables()
        .DisableHtml()
        .Use<GuideMarkdownExtension>()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline, null);

    /// <summary>Renders through Markdig's own pool of renderers for this pipeline, rather than building one per call.</summary>
    public static string Render(MarkdownDocument document) => Markdig.Markdown.ToHtml(document, Pipeline);
}
