using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ServicePlan.Web.Pages.Shared;

/// <summary>The "I have checked this: save it as written" part of a form that warns about personal data. Bind it as <c>Confirm</c>.</summary>
public sealed class EntryConfirmInput
{
    public bool SaveAsWritten { get; set; }
    public string? Reason { get; set; }

    /// <summary>The fingerprint of the findings the form showed (<see cref="EntryCheck.Fingerprint"/>): the box confirms those only.</summary>
    public string? Seen { get; set; }
}

/// <summary>What the _EntryWarning and _EntryConfirm partials show: the findings, and the box with its reason.</summary>
public sealed record EntryWarning(IReadOnlyList<EntryFinding> Findings, EntryConfirmInput Input)
{
    /// <summary>
    /// Whether a form's save may go ahead: nothing was found, or the person ticked the box for exactly the findings they
    /// were shown and gave a reason. Otherwise the form is shown again with the findings; a missing reason is an error
    /// on the form, and findings the person has not seen yet (the text was changed) untick the box.
    /// </summary>
    public static bool MaySave(ModelStateDictionary modelState, IReadOnlyList<EntryFinding> findings, EntryConfirmInput input)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(input);
        if (findings.Count == 0)
            return true;
        var fingerprint = EntryCheck.Fingerprint(findings);
        if (input.Seen != fingerprint)
            input.SaveAsWritten = false;
        input.Seen = fingerprint;
        if (EntryCheck.MaySave(findings, input.SaveAsWritten, input.Reason, out var error))
            return true;
        if (error is not null)
            modelState.AddModelError("Confirm.Reason", error);
        return false;
    }
}
