using NerveSpasmGuide.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGuideLogging();
builder.Services.AddGuideContent(builder.Configuration);
builder.Services.AddGuideWeb();

var app = builder.Build();
app.UseGuidePipeline();
app.MapGuideEndpoints();
app.Run();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
