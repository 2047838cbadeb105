using System.Security.Cryptography;
using System.Text;
using NerveSpasmGuide.Content.Tests.Support;
using NerveSpasmGuide.Content.Translations;

namespace NerveSpasmGuide.Content.Tests.Translations;

/// <summary>content/es/: translations that keep their English page's markup, say when they are stale, and take care cards from the Spanish table.</summary>
public sealed class SpanishPagesTests : IDisposable
{
    private const string EnglishBody = "Intro [@smith2020] and [[b]].\n\n## When to get help\n\n::: emergency legs-weak\nRead more below.\n:::\n";

    private const string SpanishSigns = """
        translation_of: HASH
        signs:
          - id: legs-weak
            group: Dolor de espalda con problemas en las piernas
            text: Las dos piernas se debilitan de repente
          - id: fever
            group: Dolor de espalda
            text: Dolor de espalda con fiebre
          - id: not-better
            group: Dolor que dura
            text: Dolor que no mejora después de unas semanas
        """;

    private readonly TempContent content = new TempContent()
        .Article("causes", "a", EnglishBody, title: "Back pain")
        .Article("guides", "b", "Guide text [@jones2021].", title: "A guide");

    public void Dispose() => content.Dispose();

    [Fact]
    public void ATranslationIsPublishedWithItsCareCardInTheSpanishTablesWordsAndLinksToSpanishPages()
    {
        WriteSpanishSigns();
        WriteSpanish("causes/a", "Dolor de espalda", "Introducción [@smith2020] y [[b]].\n\n## Cuándo buscar ayuda\n\n::: emergency legs-weak\nLea más abajo.\n:::\n");
        WriteSpanish("guides/b", "Una guía", "Texto de la guía [@jones2021].");

        var set = content.Load();
        var page = set.Spanish.Articles.Single(a => a.Slug == "a");

        Assert.DoesNotContain(set.Problems, p => p.IsError);
        Assert.Equal("/es/causes/a", page.UrlPath);
        Assert.False(page.Stale);
        Assert.Contains("<p class=\"care-lead\"><strong>Llame al 911 o vaya ahora a la sala de emergencias más cercana si tiene cualquiera de estos signos:</strong></p>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<li data-sign=\"legs-weak\">Las dos piernas se debilitan de repente <sup", page.Html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Emergencia: llame al 911 ahora\"><p class=\"care-label\">Emergencia: llame al 911 ahora</p>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("call 911", page.Html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"xref\" href=\"/es/guides/b\">una guía</a>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Both legs", page.Html, StringComparison.Ordinal);
        Assert.Equal(["smith2020"], page.CitedSourceKeys);
    }

    [Fact]
    public void ATranslationWhoseEnglishPageChangedIsPublishedButReportedAsStaleWithItsPath()
    {
        WriteSpanishSigns();
        WriteSpanish("guides/b", "Una guía", "Texto de la guía [@jones2021].");
        content.Article("guides", "b", "Guide text, now longer [@jones2021].", title: "A guide");

        var set = content.Load();

        Assert.True(Assert.Single(set.Spanish.Articles).Stale);
        var warning = Assert.Single(set.Problems, p => p.Message.StartsWith("stale translation", StringComparison.Ordinal));
        Assert.Equal(("es/guides/b.md", 4, false), (warning.Path, warning.Line, warning.IsError));
        Assert.Contains($"now {Hash("guides/b.md")}", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Introducción [@smith2020] y [[b]].\n\n## Cuándo buscar ayuda\n\nSin tarjeta.\n", "care cards must be causes/a.md's")]
    [InlineData("Introducción [@smith2020].\n\n## Cuándo buscar ayuda\n\n::: emergency legs-weak\n:::\n", "links differ from causes/a.md's; missing: b")]
    [InlineData("Introducción y [[b]].\n\n## Cuándo buscar ayuda\n\n::: emergency legs-weak\n:::\n", "citations differ from causes/a.md's; missing: smith2020")]
    [InlineData("Introducción [@smith2020] y [[b]].\n\n::: emergency legs-weak\n:::\n", "has 0 headings and causes/a.md has 1")]
    public void ATranslationThatDropsACardALinkASourceOrASectionIsLeftOut(string body, string reason)
    {
        WriteSpanishSigns();
        WriteSpanish("causes/a", "Dolor de espalda", body);

        var set = content.Load();

        Assert.Empty(set.Spanish.Articles);
        Assert.Contains(set.Problems, p => p.IsError && p.Path == "es/causes/a.md" && p.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void APageWithoutAnEnglishArticleAndASignWithoutSpanishWordsAreErrors()
    {
        content.Write("es/warning-signs.yaml", SpanishSigns.Replace("HASH", Hash("warning-signs.yaml"), StringComparison.Ordinal)
            .Replace("  - id: fever\n    group: Dolor de espalda\n    text: Dolor de espalda con fiebre\n", "", StringComparison.Ordinal));
        WriteSpanish("guides/missing", "Falta", "Texto [@jones2021].", englishPath: "guides/b.md");

        var set = content.Load();

        Assert.Contains(set.Problems, p => p.IsError && p.Path == "es/guides/missing.md" && p.Message.Contains("there is no English article guides/missing.md", StringComparison.Ordinal));
        Assert.Contains(set.Problems, p => p.IsError && p.Path == "es/warning-signs.yaml" && p.Message.Contains("sign 'fever' has no Spanish text", StringComparison.Ordinal));
        Assert.Empty(set.Spanish.Articles);
    }

    [Fact]
    public void TheSpanishFoldersFilesAreNotReportedAsStrayEnglishArticles()
    {
        WriteSpanishSigns();
        WriteSpanish("guides/b", "Una guía", "Texto de la guía [@jones2021].");

        Assert.DoesNotContain(content.Load().Problems, p => p.Message.StartsWith("not published", StringComparison.Ordinal));
    }

    [Fact]
    public void ADrawingWithSpanishLabelsIsShownOnTheSpanishPageAndOneWithoutThemIsReported()
    {
        const string Drawing = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" role=\"img\" aria-labelledby=\"t\"><title id=\"t\">{0}</title><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>";
        content.Write("media/disc.svg", string.Format(System.Globalization.CultureInfo.InvariantCulture, Drawing, "A disc"))
            .Write("media/nerve.svg", string.Format(System.Globalization.CultureInfo.InvariantCulture, Drawing, "A nerve"))
            .Write("es/media/disc.svg", string.Format(System.Globalization.CultureInfo.InvariantCulture, Drawing, "Un disco"))
            .Write("es/media/unused.svg", string.Format(System.Globalization.CultureInfo.InvariantCulture, Drawing, "Sin uso"))
            .Article("guides", "b", "Guide text [@jones2021].\n\n![A disc](media/disc.svg)\n\n![A nerve](media/nerve.svg)\n", title: "A guide");
        WriteSpanishSigns();
        WriteSpanish("guides/b", "Una guía", "Texto de la guía [@jones2021].\n\n![Un disco](media/disc.svg)\n\n![Un nervio](media/nerve.svg)\n");

        var set = content.Load();
        var page = Assert.Single(set.Spanish.Articles);

        Assert.Contains("<img src=\"/es/media/disc.svg\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/media/nerve.svg\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(["disc.svg"], set.Spanish.Media.Select(m => m.Name));
        Assert.Contains(set.Problems, p => p is { Path: "es/guides/b.md", IsError: false } && p.Message.Contains("/media/nerve.svg has English labels", StringComparison.Ordinal) &&
                                           p.Message.Contains("es/media/nerve.svg", StringComparison.Ordinal));
        Assert.Contains(set.Problems, p => p is { Path: "es/media/unused.svg", IsError: false } && p.Message.Contains("no English drawing", StringComparison.Ordinal));
        Assert.DoesNotContain(set.Problems, p => p.IsError);
    }

    [Fact]
    public void ADrawingWithSpanishLabelsIsCheckedLikeAnEnglishOne()
    {
        content.Write("media/disc.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>A disc</title></svg>")
            .Write("es/media/disc.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><script>alert(1)</script></svg>");
        WriteSpanishSigns();

        var set = content.Load();

        Assert.Empty(set.Spanish.Media);
        Assert.Contains(set.Problems, p => p is { Path: "es/media/disc.svg", IsError: true });
    }

    [Theory]
    [InlineData("ciática", 3)]
    [InlineData("dolor", 2)]
    [InlineData("nervio", 2)]
    [InlineData("raíz", 2)]
    [InlineData("pie", 1)]
    [InlineData("médico", 3)]
    public void SpanishSyllablesFollowDiphthongsAndAccents(string word, int syllables) =>
        Assert.Equal(syllables, SpanishReadability.Syllables(word));

    [Fact]
    public void FernandezHuertaEaseFallsAsSentencesAndWordsGrowLonger()
    {
        // "El dolor baja por la pierna." 6 words, 9 syllables (el, do-lor, ba-ja, por, la, pier-na), 1 sentence:
        // 206.84 − 60 × 9 / 6 − 1.02 × 6 = 110.72.
        var easy = SpanishReadability.Measure(["El dolor baja por la pierna."]);
        var hard = SpanishReadability.Measure(["La radiculopatía lumbosacra ocasiona manifestaciones neurológicas considerablemente heterogéneas en numerosos pacientes."]);

        Assert.Equal((1, 6, 9, 110.7), (easy.Sentences, easy.Words, easy.Syllables, easy.Ease));
        Assert.True(hard.Ease < 30, $"{hard.Ease}");
    }

    private void WriteSpanishSigns() =>
        content.Write("es/warning-signs.yaml", SpanishSigns.Replace("HASH", Hash("warning-signs.yaml"), StringComparison.Ordinal));

    private void WriteSpanish(string kindAndSlug, string title, string body, string? englishPath = null) =>
        content.Write($"es/{kindAndSlug}.md", $"---\ntitle: {title}\nsummary: Resumen de {title}.\ntranslation_of: {Hash(englishPath ?? kindAndSlug + ".md")}\n---\n\n{body}\n");

    private string Hash(string englishPath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(content.Root, englishPath)))))[..16];
}
