using System.Text.RegularExpressions;

namespace NerveSpasmGuide.Content.Yaml;

/// <summary>The one rule for text that front matter and tables keep as plain words: no Markdown or HTML characters.</summary>
public static partial class Markup
{
    /// <summary>The first character of <paramref name="text"/> that is Markdown or HTML, or null when it is plain words.</summary>
    public static string? FirstCharacter(string text) => MarkupCharacter().Match(text) is { Success: true } markup ? markup.Value : null;

    [GeneratedRegex(@"[\[\]<>*_`]")]
    private static partial Regex MarkupCharacter();
}
