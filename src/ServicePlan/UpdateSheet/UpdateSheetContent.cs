using ServicePlan.Progress;

namespace ServicePlan.UpdateSheet;

/// <summary>
/// What an update sheet was made for, carried inside the file so that the upload can tell whose actions, which plan and
/// which review it answers, and what each action looked like when it was downloaded.
/// </summary>
public sealed record SheetStamp(Guid PlanId, Guid ReviewId, Guid LeadPersonId, DateTime MadeAtUtc);

/// <summary>The latest update an action had when the sheet was made: a different one at upload means someone else has been at it.</summary>
public sealed record UpdateSeen(Guid Id, int Version);

/// <summary>One action as the sheet lists it.</summary>
public sealed record SheetAction(Guid ActionId, string Ref, string DoesWhat, string Due, Rating PreviousRating, string PreviousComment, UpdateSeen? Latest);

/// <summary>Everything the writer needs: the stamp, the words for the top of the sheet, and the lead's actions in the plan's order.</summary>
public sealed record UpdateSheetContent(SheetStamp Stamp, string PlanTitle, string ReviewLabel, string LeadName, IReadOnlyList<SheetAction> Actions);
