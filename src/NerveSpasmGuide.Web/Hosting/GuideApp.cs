using NerveSpasmGuide.Web.Feedback;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>The site, built the one way the server and the export both use.</summary>
public static class GuideApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(GuideContentRoot.Options(args));
        builder.AddGuideLogging();
        builder.Services.AddGuideContent(builder.Configuration);
        builder.Services.AddGuideFeedback();
        builder.Services.AddGuideWeb();

        var app = builder.Build();
        app.UseGuidePipeline();
        app.MapGuideEndpoints();
        return app;
    }
}
