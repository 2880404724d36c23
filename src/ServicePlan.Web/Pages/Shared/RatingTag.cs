using Microsoft.AspNetCore.Html;

namespace ServicePlan.Web.Pages.Shared;

/// <summary>
/// A BRAG rating as a GOV.UK tag. The rating name is always written out, so the colour never carries the meaning on
/// its own. Five fixed strings rather than a partial view: the action list renders one per row, and a partial per row
/// was a measurable share of a 1,000-action page.
/// </summary>
public static class RatingTag
{
    private static readonly Dictionary<Rating, HtmlString> Tags = Enum.GetValues<Rating>().ToDictionary(rating => rating, rating =>
    {
        var modifier = rating == Rating.None ? "govuk-tag--grey app-rating--none" : "app-rating--" + rating.ToString().ToLowerInvariant();
        return new HtmlString($"<strong class=\"govuk-tag app-rating {modifier}\">{System.Net.WebUtility.HtmlEncode(rating.Name())}</strong>");
    });

    public static IHtmlContent For(Rating rating) => Tags[rating];
}
