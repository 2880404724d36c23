namespace ServicePlan.Privacy;

/// <summary>Something in a text that looks like a child's personal data, for the plan owner to edit, mark exempt or accept.</summary>
/// <param name="Location">The <see cref="TextToPublish.Location"/> of the text it was found in.</param>
/// <param name="Kind">What it looks like.</param>
/// <param name="Found">The exact text matched: <c>Text.Substring(Start, Length)</c>.</param>
/// <param name="Start">Where the match starts in the text.</param>
/// <param name="Length">How long the match is.</param>
/// <param name="Reason">Why it was flagged, in plain words for the plan owner.</param>
public sealed record PersonalDataFlag(string Location, PersonalDataKind Kind, string Found, int Start, int Length, string Reason);
