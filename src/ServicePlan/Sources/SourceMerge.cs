namespace ServicePlan.Sources;

/// <summary>
/// What is kept when duplicate sources become one ("Action for children" and "Action For Children survey"): the kept
/// source's own details win, and a detail only a duplicate has is not lost.
/// </summary>
public static class SourceMerge
{
    public static void FillFrom(Source kept, IEnumerable<Source> duplicates)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(duplicates);
        foreach (var duplicate in duplicates)
        {
            if (duplicate.Id == kept.Id)
                throw new ArgumentException("A source cannot be merged into itself.", nameof(duplicates));
            if (duplicate.OrganisationId != kept.OrganisationId)
                throw new ArgumentException("Only one organisation's sources can be merged.", nameof(duplicates));

            kept.Date ??= duplicate.Date;
            kept.Reference = Blank(kept.Reference) ? duplicate.Reference : kept.Reference;
            kept.Recommendation = Blank(kept.Recommendation) ? duplicate.Recommendation : kept.Recommendation;

            // The public words travel together: half of one source's answer with half of another's would not make sense.
            if (Blank(kept.YouSaid) && Blank(kept.WeDid) && !(Blank(duplicate.YouSaid) && Blank(duplicate.WeDid)))
            {
                kept.YouSaid = duplicate.YouSaid;
                kept.WeDid = duplicate.WeDid;
                kept.WeDidStatus = duplicate.WeDidStatus;
            }
        }
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
