using System.Globalization;
using System.Text;
using System.Xml;
using NerveSpasmGuide.Content.Articles;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>An entry of an Atom feed: one article, with its other names as categories.</summary>
public sealed record AtomEntry(string Url, string Title, string Summary, DateTimeOffset Updated, IReadOnlyList<string> AlsoCalled)
{
    /// <summary>Further categories, as (scheme, term).</summary>
    public IReadOnlyList<(string Scheme, string Term)> Categories { get; init; } = [];

    /// <summary>The article's page history, newest first: when given, the entry's content is the summary and this list.</summary>
    public IReadOnlyList<PageChange> History { get; init; } = [];
}

/// <summary>
/// One Atom document (RFC 4287). The site's feed and the answers to Connect requests are both written here.
/// </summary>
public sealed record AtomFeed(string Id, string Title, string Author, DateTimeOffset Updated, IReadOnlyList<AtomEntry> Entries)
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    public string? Subtitle { get; init; }

    public string? Language { get; init; }

    /// <summary>Feed-level links, as (rel, href).</summary>
    public IReadOnlyList<(string Rel, string Href)> Links { get; init; } = [];

    /// <summary>Feed-level categories, as (scheme, term).</summary>
    public IReadOnlyList<(string Scheme, string Term)> Categories { get; init; } = [];

    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public byte[] ToUtf8() => Xml.Write(xml =>
    {
        xml.WriteStartElement("feed", Atom);
        if (Language is not null)
        {
            xml.WriteAttributeString("xml", "lang", null, Language);
        }

        xml.WriteElementString("title", Atom, Title);
        if (Subtitle is not null)
        {
            xml.WriteElementString("subtitle", Atom, Subtitle);
        }

        xml.WriteElementString("id", Atom, Id);
        xml.WriteElementString("updated", Atom, Timestamp(Updated));
        foreach (var (rel, href) in Links)
        {
            WriteLink(xml, rel, href);
        }

        xml.WriteStartElement("author", Atom);
        xml.WriteElementString("name", Atom, Author);
        xml.WriteEndElement();
        WriteCategories(xml, Categories);
        foreach (var entry in Entries)
        {
            xml.WriteStartElement("entry", Atom);
            xml.WriteElementString("title", Atom, entry.Title);
            WriteLink(xml, "alternate", entry.Url);
            xml.WriteElementString("id", Atom, entry.Url);
            xml.WriteElementString("updated", Atom, Timestamp(entry.Updated));
            xml.WriteElementString("summary", Atom, entry.Summary);
            if (entry.History.Count > 0)
            {
                WriteHistory(xml, entry);
            }

            WriteCategories(xml, [.. entry.AlsoCalled.Select(name => ("urn:nervespasmguide:also-called", name)), .. entry.Categories]);

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    /// <summary>
    /// The summary, then what changed, newest first, as XHTML content: a feed reader shows it where the entry says the page
    /// was updated, so a reader sees why without opening the page. XmlWriter escapes every note.
    /// </summary>
    private static void WriteHistory(XmlWriter xml, AtomEntry entry)
    {
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "xhtml");
        xml.WriteStartElement("div", Xhtml);
        xml.WriteElementString("p", Xhtml, entry.Summary);
        xml.WriteElementString("p", Xhtml, "Page history:");
        xml.WriteStartElement("ul", Xhtml);
        foreach (var change in entry.History)
        {
            xml.WriteElementString("li", Xhtml, $"{change.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {change.Note}");
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteCategories(XmlWriter xml, IEnumerable<(string Scheme, string Term)> categories)
    {
        foreach (var (scheme, term) in categories)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("scheme", scheme);
            xml.WriteAttributeString("term", term);
            xml.WriteEndElement();
        }
    }

    private static void WriteLink(XmlWriter xml, string rel, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>XML documents as the site sends them: UTF-8 without a byte-order mark, indented.</summary>
public static class Xml
{
    public static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
