using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ServicePlan.Web.Pages.Shared;

/// <summary>
/// Helpers for GOV.UK form markup in Razor pages: error messages, the error
/// modifier classes and the element ids that the error summary links to.
/// </summary>
/// <example>
/// <code>
/// @{ var error = FormHelpers.ErrorMessage(ModelState, "Input.Comment"); }
/// &lt;div class="@FormHelpers.GroupClass(ModelState, "Input.Comment")"&gt;
///   &lt;label class="govuk-label" asp-for="Input.Comment"&gt;Comment&lt;/label&gt;
///   @if (error is not null)
///   {
///     &lt;p id="@FormHelpers.FieldId("Input.Comment")-error" class="govuk-error-message"&gt;
///       &lt;span class="govuk-visually-hidden"&gt;Error:&lt;/span&gt; @error
///     &lt;/p&gt;
///   }
///   &lt;textarea class="@FormHelpers.InputClass(ModelState, "Input.Comment", "govuk-textarea")" asp-for="Input.Comment"&gt;&lt;/textarea&gt;
/// &lt;/div&gt;
/// </code>
/// </example>
public static class FormHelpers
{
    /// <summary>Shown when an error has no message (for example a model binding exception).</summary>
    public const string FallbackErrorMessage = "Enter a valid value";

    /// <summary>True when the model-state entry for <paramref name="key"/> has at least one error.</summary>
    public static bool HasError(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;
    }

    /// <summary>The first error message for <paramref name="key"/>, or null when the field is valid.</summary>
    public static string? ErrorMessage(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            return null;
        }

        return FirstMessage(entry.Errors);
    }

    /// <summary>"govuk-form-group", plus "govuk-form-group--error" when the field has an error.</summary>
    public static string GroupClass(ModelStateDictionary modelState, string key) =>
        HasError(modelState, key) ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";

    /// <summary>
    /// <paramref name="baseClass"/> plus the error modifier of its first class when the field has
    /// an error: "govuk-input" becomes "govuk-input govuk-input--error", and
    /// "govuk-select govuk-!-width-full" becomes "govuk-select govuk-!-width-full govuk-select--error".
    /// </summary>
    public static string InputClass(ModelStateDictionary modelState, string key, string baseClass)
    {
        ArgumentNullException.ThrowIfNull(baseClass);
        var classes = baseClass.Trim();
        if (!HasError(modelState, key) || classes.Length == 0)
        {
            return classes;
        }

        var block = classes.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return $"{classes} {block}--error";
    }

    /// <summary>
    /// The id that the ASP.NET Core tag helpers give the element for a model-state key:
    /// "Input.Comment" becomes "Input_Comment", "Input.Items[0].Name" becomes "Input_Items_0__Name".
    /// </summary>
    public static string FieldId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TagBuilder.CreateSanitizedId(key, "_");
    }

    /// <summary>
    /// The aria-describedby value for the field <paramref name="key"/>: its hint's id when it has one, and its error
    /// message's id when it is in error ("Input_Email-hint Input_Email-error"), or null when there is neither.
    /// </summary>
    public static string? DescribedBy(ModelStateDictionary modelState, string key, bool hasHint = false)
    {
        var id = FieldId(key);
        var ids = new[] { hasHint ? id + "-hint" : null, HasError(modelState, key) ? id + "-error" : null }.Where(x => x is not null);
        var value = string.Join(' ', ids);
        return value.Length == 0 ? null : value;
    }

    internal static string FirstMessage(ModelErrorCollection errors)
    {
        foreach (var error in errors)
        {
            if (!string.IsNullOrWhiteSpace(error.ErrorMessage))
            {
                return error.ErrorMessage;
            }
        }

        return FallbackErrorMessage;
    }
}
