using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Linking;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>schema.org MedicalWebPage objects for the JSON API and the JSON-LD in each article page.</summary>
public static class SchemaOrg
{
    public static PublishedArticle FromPage(ArticlePage page) => new(
        page.Card, page.LastReviewed, page.NextReview, page.Codes, page.Sources,
        [.. page.Related.SelectMany(group => group.Articles).Select(a => a.Url)]);

    /// <summary>JSON safe to place inside a script element (the default encoder escapes &lt;, &gt; and &amp;).</summary>
    public static string JsonLd(ArticlePage page, Func<string, string> absolute)
    {
        var json = MedicalWebPage(FromPage(page), absolute);
        json["inLanguage"] = page.Card.Language;
        if (page.MedicalReview is { } review)
        {
            // Only while the reviewer's sign-off is for the exact text published (see ArticlePage.MedicalReview).
            var reviewer = new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = review.ReviewerName };
            if (!string.IsNullOrWhiteSpace(review.ReviewerCredentials))
            {
                reviewer["honorificSuffix"] = review.ReviewerCredentials;
            }

            json["reviewedBy"] = reviewer;
        }

        return System.Text.Json.JsonSerializer.Serialize(json);
    }

    public static Dictionary<string, object?> MedicalWebPage(PublishedArticle article, Func<string, string> absolute)
    {
        var card = article.Card;
        return new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = card.Title,
            ["description"] = card.Summary,
            ["url"] = absolute(card.Url),
            ["lastReviewed"] = article.LastReviewed.ToString("yyyy-MM-dd"),
            ["nextReview"] = article.NextReview.ToString("yyyy-MM-dd"),
            ["inLanguage"] = "en",
            ["audience"] = new Dictionary<string, object?> { ["@type"] = "PeopleAudience", ["audienceType"] = "Patient" },
            ["about"] = new Dictionary<string, object?>
            {
                ["@type"] = card.Kind switch
                {
                    ArticleKind.Cause => "MedicalCondition",
                    ArticleKind.Symptom => "MedicalSignOrSymptom",
                    ArticleKind.Treatment => "MedicalTherapy",
                    _ => "MedicalEntity",
                },
                ["name"] = card.Title,
                ["alternateName"] = card.AlsoCalled,
                ["code"] = article.Codes.Select(code => new Dictionary<string, object?>
                {
                    ["@type"] = "MedicalCode",
                    ["codeValue"] = code.Code,
                    ["codingSystem"] = code.Info.Name,
                }).ToList(),
            },
            ["citation"] = article.Sources.Select(numbered => numbered.Source).Select(source => new Dictionary<string, object?>
            {
                ["@type"] = "CreativeWork",
                ["name"] = source.Title,
                ["author"] = source.Authors,
                ["isPartOf"] = source.Container,
                ["datePublished"] = source.Year.Length > 0 ? source.Year : null,
                ["url"] = source.Link,
            }).ToList(),
            ["relatedLink"] = article.RelatedUrls.Select(absolute).ToList(),
        };
    }
}
