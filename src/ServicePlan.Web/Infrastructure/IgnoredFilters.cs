using Microsoft.AspNetCore.Mvc.Filters;

namespace ServicePlan.Web.Infrastructure;

/// <summary>
/// Filter values in a web address that the page cannot use ("?rating=purple", "?section=abc", a bookmark from before a
/// change): the page ignores them and says so above its content, rather than showing an error page. Pages add their
/// own with <see cref="Note"/>; values that cannot even be bound (a section that is not an id) are caught by
/// <see cref="Filter"/>.
/// </summary>
public static class IgnoredFilters
{
    private const string ItemKey = "ServicePlan.IgnoredFilters";

    // How people would name the query parameters the pages use.
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["section"] = "section",
        ["lead"] = "lead",
        ["rating"] = "rating",
        ["source"] = "source",
        ["overdue"] = "overdue",
        ["q"] = "search",
        ["kind"] = "kind of source",
        ["older"] = "page number",
        ["entity"] = "kind of record",
        ["from"] = "from date",
        ["to"] = "to date",
    };

    public static string NameOf(string key) => Names.TryGetValue(key, out var name) ? name : key;

    /// <summary>Records that the filter <paramref name="key"/> was ignored, with why (defaulting to "not one we know").</summary>
    public static void Note(HttpContext context, string key, string? value, string? why = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shown = value is null ? "" : value.Length > 60 ? value[..60] + "…" : value;
        var message = why ?? $"The {NameOf(key)} '{shown}' in the web address is not one we know, so it was ignored.";
        if (context.Items[ItemKey] is not List<string> list)
            context.Items[ItemKey] = list = [];
        if (!list.Contains(message))
            list.Add(message);
    }

    public static IReadOnlyList<string> Of(HttpContext context) =>
        context.Items[ItemKey] as List<string> ?? [];

    /// <summary>
    /// On GET, a query value that could not be bound is ignored and noted, not left as a model error: a page showing
    /// no form must not be titled "Error:" with nothing under it.
    /// </summary>
    public sealed class Filter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            var request = context.HttpContext.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
                return;
            foreach (var (key, entry) in context.ModelState.ToList())
            {
                if (entry is null || entry.Errors.Count == 0)
                    continue;
                var queryKey = request.Query.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                if (queryKey is null)
                    continue;
                context.ModelState.Remove(key);
                Note(context.HttpContext, queryKey, request.Query[queryKey].ToString());
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
