using NerveSpasmGuide.Content.Problems;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NerveSpasmGuide.Content.Yaml;

/// <summary>Parses YAML text into a node tree, reporting syntax errors at the file's own line numbers.</summary>
public static class YamlDocumentReader
{
    /// <param name="yaml">The YAML text.</param>
    /// <param name="problems">Where syntax errors go.</param>
    /// <param name="lineOffset">How many file lines come before the YAML text (front matter starts after "---").</param>
    public static YamlNode? Read(string yaml, ProblemSink problems, int lineOffset = 0)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            problems.Error((int)ex.Start.Line + lineOffset, (int)ex.Start.Column, $"YAML syntax: {FirstLine(ex.Message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this (without a position) for some unterminated flow collections.
            problems.Error(UnbalancedLine(yaml) + lineOffset, 1, "YAML syntax: a bracket or quote is not closed");
            return null;
        }
    }

    private static int UnbalancedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Count(c => c == '[') != line.Count(c => c == ']') ||
                line.Count(c => c == '{') != line.Count(c => c == '}') ||
                line.Count(c => c == '"') % 2 == 1)
            {
                return i + 1;
            }
        }

        return 1;
    }

    private static string FirstLine(string message)
    {
        var text = message.Contains("): ", StringComparison.Ordinal) ? message[(message.IndexOf("): ", StringComparison.Ordinal) + 3)..] : message;
        return text.Split('\n')[0].Trim();
    }
}
