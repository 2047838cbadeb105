using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Feedback;

/// <summary>"Was this page helpful?": the feedback store, its services and the limit on answers per client.</summary>
public static class FeedbackServices
{
    /// <summary>The rate-limit policy on answers: Guide:FeedbackPerMinute a minute per client address (the address is never stored).</summary>
    public const string RateLimitPolicy = "feedback";

    public static IServiceCollection AddGuideFeedback(this IServiceCollection services)
    {
        services.AddDurableStore<FeedbackDbContext>(options => options.FeedbackDatabasePath);
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<FeedbackReports>();
        services.AddRateLimiter(options => options.AddPolicy(RateLimitPolicy, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<GuideOptions>>().Value.FeedbackPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }
}
