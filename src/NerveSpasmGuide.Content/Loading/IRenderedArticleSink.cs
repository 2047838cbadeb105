using NerveSpasmGuide.Content.Articles;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>
/// Takes a full import's articles as each one is rendered, so that the pages are written while others still render and
/// the import never holds every rendered page at once (see <see cref="ContentLoader.Import"/>).
/// </summary>
public interface IRenderedArticleSink
{
    /// <summary>Called once, before any article: the slugs of every page about to be rendered, in path order.</summary>
    void Start(IReadOnlyList<string> slugs);

    /// <summary>Called once for each of those pages, in no set order and from several threads at once.</summary>
    void Add(Article article);
}
