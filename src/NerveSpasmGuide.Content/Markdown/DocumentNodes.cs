using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NerveSpasmGuide.Content.Markdown;

/// <summary>
/// The nodes of a parsed article that the checks, the resolver and the renderer read, each list in document order.
/// Gathered in one walk instead of one <c>Descendants&lt;T&gt;()</c> walk per kind of node, which at 10,000 articles
/// was a large share of an import. Iterative, so a deeply nested hostile file cannot overflow the stack.
/// </summary>
public sealed class DocumentNodes
{
    private DocumentNodes()
    {
    }

    public List<HeadingBlock> Headings { get; } = [];

    public List<ParagraphBlock> Paragraphs { get; } = [];

    public List<CustomContainer> Containers { get; } = [];

    public List<WikiLinkInline> WikiLinks { get; } = [];

    public List<CitationInline> Citations { get; } = [];

    public List<LinkInline> Links { get; } = [];

    public List<AutolinkInline> Autolinks { get; } = [];

    /// <summary>The deepest nesting of blocks and inlines (a paragraph's text is at depth 2), which bounds the renderer's recursion.</summary>
    public int Depth { get; private set; }

    /// <summary>The zero-based line, within the body, of the first node at <see cref="Depth"/>.</summary>
    public int DeepestLine { get; private set; }

    public static DocumentNodes Of(MarkdownDocument document)
    {
        var nodes = new DocumentNodes();
        var pending = new Stack<(Block Block, int Depth)>();
        PushChildren(pending, document, 1);
        while (pending.TryPop(out var entry))
        {
            var (block, depth) = entry;
            nodes.Reached(depth, block.Line);
            switch (block)
            {
                case ContainerBlock container:
                    if (container is CustomContainer custom)
                    {
                        nodes.Containers.Add(custom);
                    }

                    PushChildren(pending, container, depth + 1);
                    break;
                case LeafBlock leaf:
                    if (leaf is HeadingBlock heading)
                    {
                        nodes.Headings.Add(heading);
                    }
                    else if (leaf is ParagraphBlock paragraph)
                    {
                        nodes.Paragraphs.Add(paragraph);
                    }

                    if (leaf.Inline is { } inline)
                    {
                        nodes.AddInlines(inline, depth + 1);
                    }

                    break;
                default:
                    break;
            }
        }

        return nodes;
    }

    private void Reached(int depth, int line)
    {
        if (depth > Depth)
        {
            Depth = depth;
            DeepestLine = line;
        }
    }

    /// <summary>Pushed last to first, so that they pop in document order.</summary>
    private static void PushChildren(Stack<(Block, int)> pending, ContainerBlock container, int depth)
    {
        for (var i = container.Count - 1; i >= 0; i--)
        {
            pending.Push((container[i], depth));
        }
    }

    /// <summary>Pre-order over the inline tree by its sibling and parent links, which needs no stack at all.</summary>
    private void AddInlines(ContainerInline root, int rootDepth)
    {
        var node = root.FirstChild;
        var depth = rootDepth;
        while (node is not null)
        {
            Reached(depth, node.Line);
            switch (node)
            {
                case WikiLinkInline wikiLink:
                    WikiLinks.Add(wikiLink);
                    break;
                case CitationInline citation:
                    Citations.Add(citation);
                    break;
                case LinkInline link:
                    Links.Add(link);
                    break;
                case AutolinkInline autolink:
                    Autolinks.Add(autolink);
                    break;
                default:
                    break;
            }

            if (node is ContainerInline { FirstChild: { } first })
            {
                node = first;
                depth++;
                continue;
            }

            while (node is not null && node.NextSibling is null)
            {
                node = ReferenceEquals(node.Parent, root) ? null : node.Parent;
                depth--;
            }

            node = node?.NextSibling;
        }
    }
}
