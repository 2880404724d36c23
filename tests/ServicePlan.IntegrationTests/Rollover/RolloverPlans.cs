using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Rollover;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Rollover;

/// <summary>A small plan made for one test, with one action of every kind roll-over treats differently.</summary>
public sealed record SmallPlan(Guid Id, IReadOnlyDictionary<string, Guid> Actions, Guid SourceId, Guid OpenReviewId)
{
    /// <summary>Refs of the actions roll-over must carry: every one that is not Blue, retained or not.</summary>
    public static readonly string[] Carried = ["R", "A", "G", "U", "A2"];

    public static readonly string[] Retained = ["BR"];

    public static readonly string[] Archived = ["B"];
}

public static class RolloverPlans
{
    /// <summary>
    /// Sections: "Children in Need" (R led by the Lead demo user, A retained, and an objective with only B), "Retained for
    /// oversight" (BR), "Early Help" (G, U with no update, A2 with two updates) and "Empty" with nothing in it.
    /// Q4 is closed; "Year end" is still open and holds G's latest update.
    /// </summary>
    public static async Task<SmallPlan> SmallPlanAsync(this ServicePlanAppFixture app, int startYear = 2024, string title = "Test plan")
    {
        await using var db = app.Database.CreateContext();
        var organisationId = await app.TestData.DemoOrganisationIdAsync();
        var leadUserId = await db.Users.Where(u => u.Email == TestClient.EmailOf(Roles.Lead)).Select(u => u.Id).SingleAsync();
        var period = new FinancialYear(startYear);

        var plan = new Plan
        {
            OrganisationId = organisationId,
            Title = $"{title} {period}",
            Service = "Children's Social Care & Early Help",
            Period = period,
            Owner = "Rachel Talmage, Head of Service",
            ImplementationDate = period.Start,
            ReviewDate = period.End,
        };
        var sam = new PlanPerson { PlanId = plan.Id, Name = "Sam Okafor", Initials = "SO", Role = "EH lead", UserId = leadUserId };
        var rachel = new PlanPerson { PlanId = plan.Id, Name = "Rachel Talmage", Initials = "HoS", Role = "Head of Service" };
        plan.People.AddRange([sam, rachel]);
        var q4 = new Review { PlanId = plan.Id, Label = $"Q4 {period}", Date = period.End.AddDays(-20), Status = ReviewStatus.Closed, ClosedAtUtc = period.End.AddDays(-10).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) };
        var yearEnd = new Review { PlanId = plan.Id, Label = $"Year end {period}", Date = period.End };
        plan.Reviews.AddRange([q4, yearEnd]);
        var source = new Source { OrganisationId = organisationId, Title = $"Self Evaluation {period} ({Guid.NewGuid():N})", Kind = SourceKind.Other };
        db.Sources.Add(source);

        var actions = new Dictionary<string, Guid>();
        var order = 0;
        var recorded = period.End.AddDays(-21).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Section AddSection(string sectionTitle)
        {
            var section = new Section { PlanId = plan.Id, Title = sectionTitle, Order = plan.Sections.Count + 1 };
            plan.Sections.Add(section);
            return section;
        }

        Objective AddObjective(Section section, string aim)
        {
            var objective = new Objective { SectionId = section.Id, Aim = aim, Order = section.Objectives.Count + 1 };
            section.Objectives.Add(objective);
            return objective;
        }

        PlanAction AddAction(Objective objective, string reference, bool retained = false, string due = "March 2025", PlanPerson? lead = null, (Rating Rating, string Comment, Review Review)[]? updates = null)
        {
            var action = new PlanAction
            {
                PlanId = plan.Id,
                ObjectiveId = objective.Id,
                Ref = reference,
                Order = ++order,
                LeadsText = lead?.Initials ?? "HoS",
                DoesWhat = $"Action {reference} of {period}",
                Measure = "Audit",
                ChildrenExperience = "Better help",
                RetainedForOversight = retained,
                CreatedAtUtc = period.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            };
            action.SetDue(due, period);
            action.Leads.Add(lead ?? rachel);
            var minutes = 0;
            foreach (var (rating, comment, review) in updates ?? [])
            {
                action.Updates.Add(new ProgressUpdate
                {
                    ActionId = action.Id,
                    ReviewId = review.Id,
                    Rating = rating,
                    Comment = comment,
                    AuthorName = "Rachel Talmage",
                    RecordedAtUtc = recorded.AddMinutes(minutes++ + (review == yearEnd ? 60 * 24 * 20 : 0)),
                });
            }

            objective.Actions.Add(action);
            actions[reference] = action.Id;
            return action;
        }

        var childrenInNeed = AddSection("Children in Need");
        var assessments = AddObjective(childrenInNeed, "Assessments are timely");
        assessments.Sources.Add(source);
        AddAction(assessments, "R", lead: sam, updates: [(Rating.Red, "Stuck on recruitment", q4)]);
        AddAction(assessments, "A", retained: true, updates: [(Rating.Amber, "Audit booked", q4)]);
        AddAction(AddObjective(childrenInNeed, "Done and dusted"), "B", updates: [(Rating.Blue, "Completed in full", q4)]);
        AddAction(AddObjective(AddSection("Retained for oversight"), "Ofsted recommendation"), "BR", retained: true, updates: [(Rating.Blue, "Completed; keep watching", q4)]);
        var earlyHelp = AddObjective(AddSection("Early Help"), "Families get help early");
        AddAction(earlyHelp, "G", due: "Quarterly", updates: [(Rating.Amber, "Slow start", q4), (Rating.Green, "On track now", yearEnd)]);
        AddAction(earlyHelp, "U");
        AddAction(earlyHelp, "A2", updates: [(Rating.Green, "Started well", q4), (Rating.Amber, "Staff shortage", q4)]);
        AddSection("Empty");

        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return new SmallPlan(plan.Id, actions, source.Id, yearEnd.Id);
    }

    public static async Task<RolloverResult> RolloverAsync(this ServicePlanAppFixture app, Guid planId, int startYear, string author = "Rachel Talmage")
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanRollover>()
            .RolloverAsync(planId, organisationId: null, new FinancialYear(startYear), new RolloverAuthor(author, null));
    }
}
