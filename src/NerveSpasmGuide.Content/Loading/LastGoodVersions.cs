using System.Collections.Concurrent;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>
/// The text of each article file as it was when it last loaded without errors, so that a broken save keeps the
/// previous version on the site instead of taking the page down. Held in memory by the running site.
/// </summary>
public sealed class LastGoodVersions
{
    // UTF-8 bytes: half the memory of strings, and read back only when a file breaks.
    private readonly ConcurrentDictionary<string, byte[]> texts = new(StringComparer.Ordinal);

    public void Remember(string path, string text) => texts[path] = System.Text.Encoding.UTF8.GetBytes(text);

    public bool TryGet(string path, out string text)
    {
        var found = texts.TryGetValue(path, out var bytes);
        text = found ? System.Text.Encoding.UTF8.GetString(bytes!) : "";
        return found;
    }

    /// <summary>Forgets files that no longer exist, so a deleted article really goes.</summary>
    public void KeepOnly(IReadOnlySet<string> paths)
    {
        foreach (var path in texts.Keys.Where(p => !paths.Contains(p)))
        {
            texts.TryRemove(path, out _);
        }
    }
}
