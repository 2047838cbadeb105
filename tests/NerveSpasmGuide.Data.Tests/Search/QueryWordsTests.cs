using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Tests.Search;

public sealed class QueryWordsTests
{
    [Fact]
    public void SplitsIntoLowerCaseWordsAndDropsPunctuationAndOperators() =>
        Assert.Equal(["what", "s", "a", "pinched", "nerve", "near", "title", "x"], QueryWords.Split("What's a \"pinched\" NERVE? NEAR( title:x*"));

    [Theory]
    [InlineData("what can i do for my sciatica", "sciatica")]
    [InlineData("why do my legs cramp at night", "legs cramp night")]
    [InlineData("is it ok to take ibuprofen", "ibuprofen")]
    [InlineData("how do i stop a muscle spasm", "stop muscle spasm")]
    public void KeepsOnlyTheWordsThatCarryTheQuestion(string question, string meaningful) =>
        Assert.Equal(meaningful.Split(' '), QueryWords.Meaningful(QueryWords.Split(question)));

    [Fact]
    public void AQueryOfOnlyStopWordsKeepsThemAll() =>
        Assert.Equal(["what", "can", "i", "do"], QueryWords.Meaningful(QueryWords.Split("what can I do")));

    [Fact]
    public void MedicalWordsAreNeverStopWords()
    {
        foreach (var word in new[] { "pain", "back", "both", "not", "numb", "leg", "nerve", "sudden", "fever", "side" })
        {
            Assert.False(QueryWords.IsStopWord(word), word);
        }
    }

    [Theory]
    [InlineData("numbness", "numb")]
    [InlineData("numbing", "numb")]
    [InlineData("drooping", "droop")]
    [InlineData("droops", "droop")]
    [InlineData("slurred", "slur")]
    [InlineData("suddenly", "sudden")]
    [InlineData("peeing", "pee")]
    [InlineData("tingling", "tingl")]
    [InlineData("tingle", "tingl")]
    [InlineData("legs", "leg")]
    [InlineData("breathing", "breath")]
    [InlineData("breathe", "breath")]
    public void StemsTheWordFormsAPatientAndASignUse(string word, string stem) =>
        Assert.Equal(stem, EnglishStemmer.Stem(word));
}
