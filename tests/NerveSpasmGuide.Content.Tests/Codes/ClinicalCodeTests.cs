using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Codes;

public sealed class ClinicalCodeTests
{
    [Theory]
    [InlineData("23056005")] // Sciatica
    [InlineData("128196005")] // Lumbar radiculopathy
    [InlineData("100211000119106")] // an extension concept (partition 10)
    public void SnomedConceptIdsWithAValidCheckDigitAreAccepted(string id) => Assert.True(SnomedCtId.IsConceptId(id));

    [Theory]
    [InlineData("23056006")] // last digit changed: the Verhoeff check fails
    [InlineData("32056005")] // two digits swapped
    [InlineData("12345")] // too short
    [InlineData("1234567890123456789")] // too long
    [InlineData("023056005")] // leading zero
    [InlineData("2305600X")]
    [InlineData("")]
    public void MalformedSnomedIdsAreRefused(string id) => Assert.False(SnomedCtId.IsConceptId(id));

    [Fact]
    public void SnomedDescriptionIdsAreNotConceptIds()
    {
        // Partition 01 marks a description: the check digit is right, but it names no finding or disorder.
        var description = WithCheckDigit("1234501");
        Assert.True(SnomedCtId.IsWellFormed(description));
        Assert.False(SnomedCtId.IsConceptId(description));
    }

    [Theory]
    [InlineData("25480", true)]
    [InlineData("704", true)]
    [InlineData("0704", false)]
    [InlineData("123456789", false)]
    [InlineData("25480a", false)]
    [InlineData("", false)]
    public void RxNormIdsAreOneToEightDigits(string id, bool valid) => Assert.Equal(valid, RxNormCui.IsValid(id));

    [Fact]
    public void SnomedAndRxNormListsAreReadBesideIcd10()
    {
        using var content = new TempContent().Article("treatments", "a", "Text [@smith2020].", "icd10: [M54.31]\nsnomed: [23056005, 91251008]\nrxnorm: [25480]");
        var article = Assert.Single(content.Load().Articles);

        Assert.Equal(["23056005", "91251008"], article.Meta.Snomed);
        Assert.Equal(["25480"], article.Meta.RxNorm);
        Assert.Equal([(CodeSystem.Icd10Cm, "M54.31"), (CodeSystem.SnomedCt, "23056005"), (CodeSystem.SnomedCt, "91251008"), (CodeSystem.RxNorm, "25480")],
            article.Meta.Codes);
    }

    [Fact]
    public void ABadSnomedCheckDigitIsAnErrorAtItsLineAndColumn()
    {
        using var content = new TempContent().Article("causes", "a", "::: see-a-doctor not-better\n:::\n\nText [@smith2020].", "snomed: [23056005, 23056006]");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal("causes/a.md", problem.Path);
        Assert.Equal(6, problem.Line);
        Assert.Equal(20, problem.Column);
        Assert.Contains("'23056006' is not a SNOMED CT concept id", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnRxNormIdWithLettersIsAnError()
    {
        using var content = new TempContent().Article("treatments", "a", "Text [@smith2020].", "rxnorm: [RX25480]");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal(6, problem.Line);
        Assert.Contains("'RX25480' is not an RxNorm RxCUI", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACodeListedTwiceIsAnError()
    {
        using var content = new TempContent().Article("treatments", "a", "Text [@smith2020].", "rxnorm: [25480, 25480]");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Contains("listed twice under 'rxnorm'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeSystemsAreFoundByOidAndFhirUri()
    {
        Assert.Equal(CodeSystem.SnomedCt, CodeSystems.ByOid("2.16.840.1.113883.6.96")?.System);
        Assert.Equal(CodeSystem.RxNorm, CodeSystems.ByOid("2.16.840.1.113883.6.88")?.System);
        Assert.Equal(CodeSystem.Icd10Cm, CodeSystems.ByOid("2.16.840.1.113883.6.90")?.System);
        Assert.Null(CodeSystems.ByOid("2.16.840.1.113883.6.69")); // NDC: not supported
        Assert.Equal(CodeSystem.RxNorm, CodeSystems.ByFhirUri("http://www.nlm.nih.gov/research/umls/rxnorm")?.System);
    }

    /// <summary>Appends the Verhoeff digit that makes <paramref name="digits"/> valid, found by trying each.</summary>
    private static string WithCheckDigit(string digits) =>
        Enumerable.Range(0, 10).Select(d => digits + d).Single(SnomedCtId.HasValidCheckDigit);
}
