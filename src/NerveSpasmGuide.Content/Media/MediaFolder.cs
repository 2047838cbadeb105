using System.Xml;
using NerveSpasmGuide.Content.Problems;

namespace NerveSpasmGuide.Content.Media;

/// <summary>A picture that passed its checks, with the exact text the site will serve.</summary>
public sealed record MediaFile(string Name, string Text);

/// <summary>
/// The pictures articles may show: files in <c>content/media/</c>, served at <c>/media/</c>. Only SVG drawings, each
/// checked here so that none can run a script or load anything from elsewhere, whatever a reader's browser does with it.
/// </summary>
public static class MediaFolder
{
    public const string Folder = "media";

    /// <summary>The URL path the site serves a media file at.</summary>
    public static string UrlPath(string fileName) => $"/{Folder}/{fileName}";

    /// <summary>SVG 1.1 drawing elements; anything else (script, foreignObject, image, a, style, iframe ...) is refused.</summary>
    private static readonly HashSet<string> DrawingElements = new(StringComparer.Ordinal)
    {
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc",
        "defs", "marker", "linearGradient", "radialGradient", "stop", "use", "clipPath", "mask", "symbol", "pattern",
    };

    /// <summary>Checks every file in the folder and returns those that are safe to show.</summary>
    /// <param name="pathPrefix">Before <c>media/</c> in the problems' paths: <c>es/</c> for the drawings with Spanish labels.</param>
    public static IReadOnlyList<MediaFile> Read(string contentRoot, List<ContentProblem> problems, string pathPrefix = "")
    {
        var folder = Path.Combine(contentRoot, Folder);
        var safe = new List<MediaFile>();
        if (!Directory.Exists(folder))
        {
            return safe;
        }

        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var sink = new ProblemSink($"{pathPrefix}{Folder}/{name}");
            var text = "";
            if (!string.Equals(Path.GetExtension(name), ".svg", StringComparison.Ordinal))
            {
                sink.Error(1, 1, "only SVG drawings (.svg) can be shown in articles");
            }
            else if (!Articles.ArticleFileParser.IsSlug(Path.GetFileNameWithoutExtension(name)))
            {
                sink.Error(1, 1, "a picture's name is lowercase words joined by single hyphens, e.g. herniated-disc.svg");
            }
            else
            {
                text = File.ReadAllText(path);
                CheckSvg(text, sink);
            }

            if (!sink.HasErrors)
            {
                safe.Add(new MediaFile(name, text));
            }

            problems.AddRange(sink.Problems);
        }

        return safe;
    }

    /// <summary>Reports each element or attribute that could run code or reach outside the file, with its line.</summary>
    public static void CheckSvg(string text, ProblemSink problems)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var info = (IXmlLineInfo)reader;
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction)
                {
                    problems.Error(info.LineNumber, info.LinePosition, $"processing instruction '<?{reader.Name}' is not allowed in a picture");
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!sawRoot && reader.LocalName != "svg")
                {
                    problems.Error(info.LineNumber, info.LinePosition, "the file's root element must be <svg>");
                }

                sawRoot = true;
                if (!DrawingElements.Contains(reader.LocalName))
                {
                    problems.Error(info.LineNumber, info.LinePosition, $"<{reader.Name}> is not allowed in a picture: use only drawing elements ({string.Join(", ", DrawingElements.Order(StringComparer.Ordinal))})");
                }

                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    CheckAttribute(reader.LocalName, reader.Name, reader.Value, info, problems);
                }

                reader.MoveToElement();
            }
        }
        catch (XmlException ex)
        {
            problems.Error(Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition), $"not a well-formed SVG file: {ex.Message}");
        }
    }

    private static void CheckAttribute(string localName, string name, string value, IXmlLineInfo at, ProblemSink problems)
    {
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (localName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            problems.Error(at.LineNumber, at.LinePosition, $"event attribute '{name}' is not allowed in a picture (it runs code)");
        }
        else if (localName == "href" && !value.StartsWith('#'))
        {
            problems.Error(at.LineNumber, at.LinePosition, $"'{name}' may only point inside the file ('#id'), not at '{value}'");
        }
        else if (compact.Contains("url(", StringComparison.Ordinal) && compact.Replace("url(#", "", StringComparison.Ordinal).Contains("url(", StringComparison.Ordinal))
        {
            problems.Error(at.LineNumber, at.LinePosition, $"'{name}' may only use url(#id), which points inside the file");
        }
        else if (compact.Contains("@import", StringComparison.Ordinal) || compact.Contains("javascript:", StringComparison.Ordinal) || compact.Contains("expression(", StringComparison.Ordinal))
        {
            problems.Error(at.LineNumber, at.LinePosition, $"'{name}' has a value that loads or runs something");
        }
    }
}
