using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ServicePlan.Web.Api;

/// <summary>RFC 9457 problems the API answers with, each with a plain-English detail.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Refused");

    public static ProblemHttpResult Stale(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed by someone else");

    public static ProblemHttpResult PreconditionRequired(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match needed");

    /// <summary>
    /// The version an If-Match header names (<c>"3"</c> or <c>W/"3"</c>); null when there is none. A tag that is not a
    /// version is -1, which no record has: answered as stale (412), not as missing.
    /// </summary>
    public static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return null;
        if (!EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag))
            return -1;
        return int.TryParse(tag.Tag.ToString().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }
}
