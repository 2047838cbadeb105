using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Feedback;

/// <summary>Why a search is worth an editor's look.</summary>
public enum SearchOutcome
{
    /// <summary>The words as typed found no page, and no spelling correction found one either.</summary>
    NothingFound = 1,

    /// <summary>The words as typed found little or nothing; the results shown are those of a spelling correction.</summary>
    OnlyCorrection = 2,
}

/// <summary>
/// One query readers searched for that found nothing, or only a correction: its normalized words, how often, and the
/// first and last day it was seen (days, not times, so a row cannot be matched to a request). Nothing about who
/// searched is kept: no address, cookie or user agent.
/// </summary>
public sealed class SearchReportRecord
{
    /// <summary>The search it was typed into: <c>en</c> (/search) or <c>es</c> (/es/search), each with its own lay terms.</summary>
    public string Language { get; set; } = SearchMiss.English;

    public string Query { get; set; } = "";

    /// <summary>The outcome the last time it was searched (an import may change it).</summary>
    public SearchOutcome Outcome { get; set; }

    public int Count { get; set; }

    public DateOnly FirstSeen { get; set; }

    public DateOnly LastSeen { get; set; }
}
