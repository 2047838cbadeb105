namespace NerveSpasmGuide.TestSupport;

/// <summary>Small content files the test projects share (linked into each project, so there is one copy).</summary>
public static class SampleContent
{
    /// <summary>Two sources: <c>smith2020</c> (a review) and <c>jones2021</c> (a guideline).</summary>
    public const string Sources = """
        - key: smith2020
          type: review
          authors: Smith A
          title: A review of nerve pain
          container: Journal of Nerves
          year: 2020
          volume: '1'
          pages: 1-10
          doi: 10.1000/example.1
          url: https://doi.org/10.1000/example.1
        - key: jones2021
          type: guideline
          authors: Jones B
          title: Guideline on spasms
          container: Spasm Society
          year: 2021
          volume: ''
          pages: ''
          doi: ''
          url: https://example.org/guideline
        """;
}
