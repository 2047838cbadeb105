namespace NerveSpasmGuide.Web;

/// <summary>The pages' shared words: <c>IStringLocalizer&lt;SharedResource&gt;</c> looks them up in <c>Resources/SharedResource.{culture}.resx</c>; the English text is the key.</summary>
public sealed class SharedResource;
