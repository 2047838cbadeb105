namespace NerveSpasmGuide.Web.Performance;

/// <summary>
/// What a page leaves for middleware that runs outside the page cache (the search report, which must see every
/// search): kept with the cached page and left again each time the cache answers, so a cache hit says what the
/// render said. One note a page, read after the rest of the pipeline has run.
/// </summary>
public static class PageNotes
{
    private static readonly object Key = new();

    public static void Leave(HttpContext context, object note) => context.Items[Key] = note;

    public static object? Read(HttpContext context) => context.Items.TryGetValue(Key, out var note) ? note : null;
}
