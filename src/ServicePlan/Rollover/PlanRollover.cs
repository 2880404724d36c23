using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.Rollover;

/// <summary>One action of the old plan and what roll-over does with it.</summary>
public sealed record RolloverItem(Guid ActionId, string Ref, string Section, string DoesWhat, Rating Rating, RolloverOutcome Outcome);

/// <summary>What rolling a plan over into <see cref="Period"/> makes, or made: the preview the owner confirms.</summary>
public sealed record RolloverPreview(
    Guid PlanId,
    string Title,
    FinancialYear From,
    FinancialYear Period,
    string NewTitle,
    IReadOnlyList<RolloverItem> Actions,
    IReadOnlyList<string> OpenReviews)
{
    public IReadOnlyList<RolloverItem> Carried => Actions.Where(a => a.Outcome == RolloverOutcome.Carried).ToList();

    public IReadOnlyList<RolloverItem> Retained => Actions.Where(a => a.Outcome == RolloverOutcome.Retained).ToList();

    public IReadOnlyList<RolloverItem> Archived => Actions.Where(a => a.Outcome == RolloverOutcome.Archived).ToList();
}

public abstract record RolloverResult
{
    /// <summary>Rolled over (or, for a preview, would be); <see cref="NewPlanId"/> is null for a preview.</summary>
    public sealed record Done(RolloverPreview Preview, Guid? NewPlanId) : RolloverResult;

    public sealed record NotFound : RolloverResult;

    /// <summary>
    /// Refused, with the reason in the owner's words; nothing was written. <see cref="OnlyThisYear"/> when another
    /// year would do (the one chosen is not after the plan's); otherwise the plan cannot be rolled over at all.
    /// </summary>
    public sealed record Refused(string Reason, RolloverPreview Preview, bool OnlyThisYear) : RolloverResult;
}

/// <summary>Who is rolling the plan over: they are named as the author of the carried-forward ratings.</summary>
public sealed record RolloverAuthor(string Name, string? UserId);

/// <summary>A neighbouring year's plan, for links between them.</summary>
public sealed record PlanLink(Guid Id, string Title, FinancialYear Period, DateTime? RolledOverAtUtc);

/// <summary>
/// Makes next year's plan from this year's: the same header moved on a year, the same sections and people, every
/// action not finished carried forward with a link to its predecessor, Blue actions retained for oversight carried
/// with their rating, other Blue actions left in the old plan, which is closed. All in one SaveChanges, which is one
/// transaction: it all happens or none of it does.
/// </summary>
public sealed class PlanRollover(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>What rolling over into <paramref name="period"/> (by default the year after the plan's) would do, writing nothing.</summary>
    public async Task<RolloverResult> PreviewAsync(Guid planId, Guid? organisationId, FinancialYear? period = null, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(planId, organisationId, period, ct);
        return loaded.Result;
    }

    public async Task<RolloverResult> RolloverAsync(Guid planId, Guid? organisationId, FinancialYear period, RolloverAuthor author, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(planId, organisationId, period, ct);
        if (loaded.Result is not RolloverResult.Done { Preview: var preview })
            return loaded.Result;

        var old = loaded.Plan!;
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = RolloverRules.NextHeader(old, period);

        // People keep their sign-in accounts, so each lead goes on seeing and updating the actions they lead.
        var people = await db.People.AsNoTracking().Where(p => p.PlanId == old.Id).ToListAsync(ct);
        var newPerson = people.ToDictionary(p => p.Id, p => new PlanPerson { PlanId = plan.Id, Name = p.Name, Initials = p.Initials, Role = p.Role, UserId = p.UserId });
        plan.People.AddRange(newPerson.Values);

        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == old.Id).OrderBy(s => s.Order).ToListAsync(ct);
        var newSection = sections.ToDictionary(s => s.Id, s => new Section { PlanId = plan.Id, Title = s.Title, Order = s.Order });
        plan.Sections.AddRange(newSection.Values);

        // Every section goes on, so the plan keeps its shape for this year's new objectives; an objective goes on only
        // with an action to carry, because one whose actions are all done has been met.
        var goingOn = preview.Actions.Where(a => a.Outcome != RolloverOutcome.Archived).Select(a => a.ActionId).ToHashSet();
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == old.Id)
            .Include(a => a.Leads)
            .OrderBy(a => a.Order)
            .ToListAsync(ct);
        actions = actions.Where(a => goingOn.Contains(a.Id)).ToList();
        var objectiveIds = actions.Select(a => a.ObjectiveId).Distinct().ToList();
        var objectives = await db.Objectives.AsNoTracking()
            .Include(o => o.Sources)
            .Where(o => objectiveIds.Contains(o.Id))
            .ToListAsync(ct);

        // Sources belong to the organisation, not the plan: the new objectives link to the same records.
        var sourceIds = objectives.SelectMany(o => o.Sources).Select(s => s.Id).Distinct().ToList();
        var sources = await db.Sources.Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var newObjective = objectives.ToDictionary(o => o.Id, o =>
        {
            var objective = new Objective { SectionId = newSection[o.SectionId].Id, Aim = o.Aim, Order = o.Order };
            objective.Sources.AddRange(o.Sources.Select(s => sources[s.Id]));
            newSection[o.SectionId].Objectives.Add(objective);
            return objective;
        });

        var outcomes = preview.Actions.ToDictionary(a => a.ActionId);
        foreach (var oldAction in actions)
        {
            var item = outcomes[oldAction.Id];
            var action = new PlanAction
            {
                PlanId = plan.Id,
                ObjectiveId = newObjective[oldAction.ObjectiveId].Id,
                PredecessorId = oldAction.Id,
                Ref = oldAction.Ref,
                Order = oldAction.Order,
                LeadsText = oldAction.LeadsText,
                DoesWhat = oldAction.DoesWhat,
                Measure = oldAction.Measure,
                ChildrenExperience = oldAction.ChildrenExperience,
                RetainedForOversight = oldAction.RetainedForOversight,
                IsExempt = oldAction.IsExempt,
                ExemptParagraph = oldAction.ExemptParagraph,
                CreatedAtUtc = now,
            };

            // "By when?" is kept as written and read against the new year, as every plan's due dates are: "March 2025"
            // stays March 2025 (and shows as overdue), while "Quarterly" or "Q2" mean this year's.
            action.SetDue(oldAction.DueText, period);
            action.Leads.AddRange(oldAction.Leads.Select(p => newPerson[p.Id]));

            // The rating goes on as an update of the new action, in no review, so the new plan's dashboard starts from
            // where the old plan ended rather than "not rated", and the first review counts it as the rating before.
            // It is a new, dated update by the person rolling over, not a copy: the old updates are read where they are.
            if (item.Rating != Rating.None)
            {
                action.Updates.Add(new ProgressUpdate
                {
                    ActionId = action.Id,
                    Rating = item.Rating,
                    Comment = RolloverRules.CarriedForwardComment(old.Period, item.Outcome),
                    AuthorName = author.Name,
                    AuthorUserId = author.UserId,
                    RecordedAtUtc = now,
                });
            }

            newObjective[oldAction.ObjectiveId].Actions.Add(action);
        }

        // The old plan becomes read-only history. A review still open is closed with it: no update can be added to a
        // closed plan, and the preview tells the owner first.
        old.Status = PlanStatus.Closed;
        old.RolledOverAtUtc = now;
        old.Version++;
        var closing = await db.Reviews.Where(r => r.PlanId == old.Id && r.Status == ReviewStatus.Open).ToListAsync(ct);
        foreach (var review in closing)
        {
            review.Status = ReviewStatus.Closed;
            review.ClosedAtUtc = now;
            review.Version++;
        }

        // Closed as the owner closes one: its figures are written down with it.
        await new ReviewSnapshots(db, clock).AddAsync(old.Id, closing, ct);

        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone rolled the same plan over between our read and our write (the plan's version moved, or the
            // unique link to the previous plan was taken): nothing of ours was written. Say what they did.
            db.ChangeTracker.Clear();
            var again = await LoadAsync(planId, organisationId, period, ct);
            return again.Result is RolloverResult.Refused refused
                ? refused
                : new RolloverResult.Refused($"Plan {old.Period} was changed by someone else while it was being rolled over: nothing was saved. Try again.", preview, OnlyThisYear: false);
        }

        return new RolloverResult.Done(preview, plan.Id);
    }

    /// <summary>The plans before and after this one, for links between years.</summary>
    public async Task<(PlanLink? Previous, PlanLink? Next)> NeighboursAsync(Plan plan, CancellationToken ct = default)
    {
        var links = await db.Plans.AsNoTracking()
            .Where(p => p.Id == plan.PreviousPlanId || p.PreviousPlanId == plan.Id)
            .Select(p => new { Link = new PlanLink(p.Id, p.Title, p.Period, p.RolledOverAtUtc), p.PreviousPlanId })
            .ToListAsync(ct);
        return (links.FirstOrDefault(l => l.Link.Id == plan.PreviousPlanId)?.Link, links.FirstOrDefault(l => l.PreviousPlanId == plan.Id)?.Link);
    }

    private sealed record Loaded(RolloverResult Result, Plan? Plan);

    /// <summary>The plan (tracked, so closing it is a concurrency-checked update) and what roll-over would do with each action.</summary>
    private async Task<Loaded> LoadAsync(Guid planId, Guid? organisationId, FinancialYear? chosen, CancellationToken ct)
    {
        var plan = await db.Plans.VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return new Loaded(new RolloverResult.NotFound(), null);
        var period = chosen ?? plan.Period.Next();

        var successor = await db.Plans.AsNoTracking()
            .Where(p => p.PreviousPlanId == planId)
            .Select(p => new RolloverSuccessor(p.Period, plan.RolledOverAtUtc))
            .FirstOrDefaultAsync(ct);

        var items = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId)
            .OrderBy(a => a.Objective!.Section!.Order).ThenBy(a => a.Objective!.Order).ThenBy(a => a.Order)
            .WithCurrentRating()
            .Select(r => new
            {
                r.Action.Id,
                r.Action.Ref,
                Section = r.Action.Objective!.Section!.Title,
                r.Action.DoesWhat,
                r.Action.RetainedForOversight,
                r.Rating,
            })
            .ToListAsync(ct);
        var openReviews = await db.Reviews.AsNoTracking()
            .Where(r => r.PlanId == planId && r.Status == ReviewStatus.Open)
            .OrderBy(r => r.Date)
            .Select(r => r.Label)
            .ToListAsync(ct);

        var preview = new RolloverPreview(
            plan.Id,
            plan.Title,
            plan.Period,
            period,
            RolloverRules.Retitle(plan.Title, plan.Period, period),
            items.Select(a => new RolloverItem(a.Id, a.Ref, a.Section, a.DoesWhat, a.Rating, RolloverRules.Decide(a.Rating, a.RetainedForOversight))).ToList(),
            openReviews);

        if (RolloverRules.Refusal(plan.Period, plan.Status, successor) is { } reason)
            return new Loaded(new RolloverResult.Refused(reason, preview, OnlyThisYear: false), plan);
        if (plan.IsArchived)
            return new Loaded(new RolloverResult.Refused($"Plan {plan.Period} is archived: restore it before rolling it over.", preview, OnlyThisYear: false), plan);
        if (RolloverRules.PeriodRefusal(plan.Period, period) is { } wrongYear)
            return new Loaded(new RolloverResult.Refused(wrongYear, preview, OnlyThisYear: true), plan);
        return new Loaded(new RolloverResult.Done(preview, null), plan);
    }
}
