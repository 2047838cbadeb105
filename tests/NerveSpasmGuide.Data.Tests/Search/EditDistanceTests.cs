using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Tests.Search;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("sciatica", "sciatica", 0)]
    [InlineData("sciatca", "sciatica", 1)]   // a letter left out
    [InlineData("sciaitca", "sciatica", 1)]  // two neighbours swapped count as one edit
    [InlineData("siatika", "sciatica", 2)]
    [InlineData("lyrca", "lyrica", 1)]
    [InlineData("nerve", "nurse", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    public void CountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, 5));
        Assert.Equal(expected, EditDistance.Bounded(b, a, 5));
    }

    [Theory]
    [InlineData("sciatica", "spondylosis", 2)]
    [InlineData("ab", "abcdefgh", 2)]
    [InlineData("radiculopathy", "neuropathy", 1)]
    public void StopsCountingPastTheBound(string a, string b, int max) =>
        Assert.Equal(max + 1, EditDistance.Bounded(a, b, max));

    [Fact]
    public void LongWordsAreMeasuredWithoutOverflowingTheStack()
    {
        var a = new string('a', 5000);
        Assert.Equal(1, EditDistance.Bounded(a, a + "b", 2));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(14, 2)]
    public void ShortWordsAreNeverCorrectedAndLongerOnesByUpToTwoEdits(int length, int edits) =>
        Assert.Equal(edits, EditDistance.AllowedEdits(length));
}
