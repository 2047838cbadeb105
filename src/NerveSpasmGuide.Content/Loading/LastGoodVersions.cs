using System.Collections.Concurrent;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>
/// The text of each article file as it was when it last loaded without errors, so that a broken save keeps the
/// previous version on the site instead of taking the page down. Held in memory by the running site.
/// </summary>
public sealed class LastGoodVersions
{
    private readonly ConcurrentDictionary<string, string> texts = new(StringComparer.Ordinal);

    public void Remember(string path, string text) => texts[path] = text;

    public bool TryGet(string path, out string text) => texts.TryGetValue(path, out text!);

    /// <summary>Forgets files that no longer exist, so a deleted article really goes.</summary>
    public void KeepOnly(IReadOnlySet<string> paths)
    {
        foreach (var path in texts.Keys.Where(p => !paths.Contains(p)))
        {
            texts.TryRemove(path, out _);
        }
    }
}
