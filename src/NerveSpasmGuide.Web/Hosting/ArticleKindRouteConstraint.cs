using System.Globalization;
using NerveSpasmGuide.Content.Articles;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary><c>{kind:articlekind}</c>: a URL segment that is the folder of an article kind in <see cref="ArticleKinds.Table"/>.</summary>
internal sealed class ArticleKindRouteConstraint : IRouteConstraint
{
    public const string Name = "articlekind";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) &&
        ArticleKinds.TryParseFolder(Convert.ToString(value, CultureInfo.InvariantCulture), out _);
}
