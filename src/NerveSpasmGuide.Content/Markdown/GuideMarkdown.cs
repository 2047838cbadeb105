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
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCustomContainers()
        .UsePipeTables()
        .DisableHtml()
        .Use<GuideMarkdownExtension>()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline, null);

    public static string Render(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
