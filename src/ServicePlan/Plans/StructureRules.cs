using System.Globalization;
using ServicePlan.Database;

namespace ServicePlan.Plans;

/// <summary>
/// The rules of changing a plan's structure, over plain values: what a ref, a section's title and an objective's "Why?"
/// must be, how refs compare, where a moved item lands, and how a section's actions are renumbered.
/// </summary>
public static class StructureRules
{
    /// <summary>A ref as it is compared: trimmed, inner spaces collapsed, case ignored ("12a" and " 12A " are the same ref).</summary>
    public static string RefKey(string? reference) =>
        string.Join(' ', (reference ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>
    /// What is wrong with an action's ref, or null: every action has one, and no two actions of the plan share one.
    /// <paramref name="otherRefs"/> are the refs of the plan's other actions (not removed ones).
    /// </summary>
    public static string? RefProblem(string? reference, IEnumerable<string> otherRefs)
    {
        var trimmed = (reference ?? "").Trim();
        if (trimmed.Length == 0)
            return "Enter the action's ref";
        if (trimmed.Length > FieldLengths.ActionRef)
            return $"Ref must be {FieldLengths.ActionRef} characters or fewer";
        var key = RefKey(trimmed);
        return otherRefs.Any(r => RefKey(r) == key) ? $"Ref {trimmed} is already used by another action in this plan" : null;
    }

    public static string? SectionTitleProblem(string? title)
    {
        var trimmed = (title ?? "").Trim();
        if (trimmed.Length == 0)
            return "Enter the section's title";
        return trimmed.Length > FieldLengths.SectionTitle ? $"The section's title must be {FieldLengths.SectionTitle} characters or fewer" : null;
    }

    public static string? AimProblem(string? aim)
    {
        var trimmed = (aim ?? "").Trim();
        if (trimmed.Length == 0)
            return "Enter why: the objective's specific aim";
        return trimmed.Length > FieldLengths.ActionText ? $"Why? must be {FieldLengths.ActionText:N0} characters or fewer" : null;
    }

    /// <summary>
    /// The items in their new order after moving <paramref name="moved"/> one place up (-1) or down (+1); unchanged at
    /// either end. Each item's new order is its index plus one, which also closes any gaps left by removed items.
    /// </summary>
    public static List<T> Move<T>(IReadOnlyList<T> ordered, T moved, int by)
    {
        var list = ordered.ToList();
        var from = list.IndexOf(moved);
        if (from < 0)
            return list;
        var to = Math.Clamp(from + by, 0, list.Count - 1);
        list.RemoveAt(from);
        list.Insert(to, moved);
        return list;
    }

    /// <summary>A ref that is a whole number ("12"), as a number; null for "12a", "CIN 3" or "".</summary>
    public static int? Number(string? reference) =>
        int.TryParse((reference ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>
    /// New refs for a section's actions, in their order: numbers that carry on from the highest number used by the
    /// sections above it (1 for the first section with none), skipping any number an action elsewhere in the plan
    /// already has. Refs that are not whole numbers above ("CIN 3") are ignored when finding where to start.
    /// </summary>
    /// <param name="refsAbove">The refs of the actions in the sections before this one.</param>
    /// <param name="refsElsewhere">The refs of every action of the plan outside this section (above or below).</param>
    /// <param name="count">How many actions the section has.</param>
    public static IReadOnlyList<string> Renumber(IEnumerable<string> refsAbove, IEnumerable<string> refsElsewhere, int count)
    {
        var next = refsAbove.Select(Number).Max() is { } highest ? highest + 1 : 1;
        var taken = refsElsewhere.Select(RefKey).ToHashSet(StringComparer.Ordinal);
        var refs = new List<string>(count);
        while (refs.Count < count)
        {
            var candidate = next.ToString(CultureInfo.InvariantCulture);
            next++;
            if (!taken.Contains(candidate))
                refs.Add(candidate);
        }

        return refs;
    }

    /// <summary>Long texts shortened for a sentence in the audit trail or a message: "Kinship care is …".</summary>
    public static string Quote(string? text, int max = 80)
    {
        var oneLine = string.Join(' ', (text ?? "").Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length == 0)
            return "(no aim written)";
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)].TrimEnd() + "…";
    }
}
