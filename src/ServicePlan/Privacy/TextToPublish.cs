namespace ServicePlan.Privacy;

/// <summary>One piece of text a public paper would contain, with where it comes from in words the plan owner recognises.</summary>
/// <param name="Location">Where the text is, such as "Action 12 – comment on progress (Q3 2019-20)".</param>
/// <param name="Text">The text exactly as it would be published.</param>
public sealed record TextToPublish(string Location, string Text);
