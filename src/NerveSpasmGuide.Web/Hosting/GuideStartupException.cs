namespace NerveSpasmGuide.Web.Hosting;

/// <summary>A problem with the machine's setup that the operator must fix; shown as one line, never a stack trace.</summary>
public sealed class GuideStartupException(string message) : Exception(message);
