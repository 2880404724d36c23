using System.Text;
using ServicePlan.Demo;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.Tests.Demo;

public sealed class PlanGeneratorTests
{
    private static List<GeneratedPlan> Generate(int seed, int organisations = 2, int plans = 2, int actions = 150, int reviews = 4)
    {
        var generator = new PlanGenerator(seed);
        var result = new List<GeneratedPlan>();
        for (var o = 1; o <= organisations; o++)
        {
            var org = generator.Organisation(o);
            Guid? previous = null;
            for (var p = 0; p < plans; p++)
            {
                var plan = generator.Plan(org, new FinancialYear(2024 - plans + 1 + p), actions, reviews, previous, newest: p == plans - 1);
                previous = plan.Plan.Id;
                result.Add(plan);
            }
        }

        return result;
    }

    /// <summary>Every value a generated plan writes, ids included, as one text to compare.</summary>
    private static string Fingerprint(IEnumerable<GeneratedPlan> plans)
    {
        var text = new StringBuilder();
        foreach (var generated in plans)
        {
            var plan = generated.Plan;
            text.AppendLine($"{plan.Id}|{plan.OrganisationId}|{plan.Title}|{plan.Period}|{plan.Status}|{plan.PreviousPlanId}|{plan.Owner}");
            foreach (var person in plan.People)
                text.AppendLine($"{person.Id}|{person.Name}|{person.Initials}|{person.Role}|{person.UserId}");
            foreach (var review in plan.Reviews)
                text.AppendLine($"{review.Id}|{review.Label}|{review.Date}|{review.Status}|{review.ClosedAtUtc:O}");
            foreach (var section in plan.Sections)
                text.AppendLine($"{section.Id}|{section.Title}|{section.Order}");
            foreach (var (objective, source) in generated.ObjectiveSources)
                text.AppendLine($"{objective.Id}>{source.Id}|{source.Title}");
            foreach (var objective in generated.Objectives)
            {
                text.AppendLine($"{objective.Id}|{objective.Aim}|{objective.Order}");
                foreach (var a in objective.Actions)
                {
                    text.AppendLine($"{a.Id}|{a.Ref}|{a.LeadsText}|{string.Join(",", a.Leads.Select(l => l.Id))}|{a.DoesWhat}|{a.DueText}|{a.DueKind}|{a.DueOn}|{a.Measure}|{a.ChildrenExperience}|{a.CreatedAtUtc:O}|{a.RetainedForOversight}");
                    foreach (var u in a.Updates)
                        text.AppendLine($"{u.Id}|{u.ReviewId}|{u.Rating}|{u.Comment}|{u.AuthorName}|{u.AuthorUserId}|{u.RecordedAtUtc:O}");
                }
            }
        }

        return text.ToString();
    }

    [Fact]
    public void The_same_seed_gives_identical_plans_ids_included()
    {
        var first = Fingerprint(Generate(seed: 42));
        var second = Fingerprint(Generate(seed: 42));

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_different_plans()
    {
        Assert.NotEqual(Fingerprint(Generate(seed: 42)), Fingerprint(Generate(seed: 43)));
    }

    [Fact]
    public void Organisations_are_the_same_for_a_seed_with_accounts_named_by_organisation_and_seed()
    {
        var first = new PlanGenerator(7).Organisation(3);
        var second = new PlanGenerator(7).Organisation(3);

        Assert.Equal(first.Organisation.Id, second.Organisation.Id);
        Assert.Equal(first.Organisation.Name, second.Organisation.Name);
        Assert.Equal(first.Staff, second.Staff);
        Assert.Equal(["owner", "lead1", "lead2", "lead3", "viewer"], first.Staff.Select(s => s.Email.Split('@')[0]));
        Assert.All(first.Staff, s => Assert.EndsWith("@org3-s7.serviceplan.example", s.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Plans_have_exactly_the_actions_asked_for_numbered_in_order()
    {
        var plans = Generate(seed: 1, organisations: 1, plans: 1, actions: 237);

        var actions = plans.Single().Actions.ToList();
        Assert.Equal(237, actions.Count);
        Assert.Equal(Enumerable.Range(1, 237).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), actions.Select(a => a.Ref));
        Assert.InRange(plans.Single().Plan.Sections.Count, 5, 8);
        Assert.All(plans.Single().Plan.Sections, s => Assert.NotEmpty(s.Objectives));
    }

    [Fact]
    public void Texts_are_as_long_as_in_the_seeds_on_average()
    {
        var plans = Generate(seed: 5, organisations: 2, plans: 2, actions: 500);
        var actions = plans.SelectMany(p => p.Actions).ToList();
        var aims = plans.SelectMany(p => p.Objectives).Select(o => o.Aim).ToList();

        static void Around(double expected, IEnumerable<string> texts, string what)
        {
            var average = texts.Average(t => t.Length);
            Assert.True(Math.Abs(average - expected) <= expected * 0.1, $"{what}: average {average:0} characters, expected about {expected}.");
        }

        Around(PlanGenerator.AimLength, aims, "aims");
        Around(PlanGenerator.ActionLength, actions.Select(a => a.DoesWhat), "actions");
        Around(PlanGenerator.MeasureLength, actions.Select(a => a.Measure), "measures");
        Around(PlanGenerator.ExperienceLength, actions.Select(a => a.ChildrenExperience), "experiences");
        Around(PlanGenerator.CommentLength, actions.SelectMany(a => a.Updates).Select(u => u.Comment), "comments");
        // Real cells vary: short ones and long ones, not one length.
        Assert.True(actions.Min(a => a.DoesWhat.Length) < 140 && actions.Max(a => a.DoesWhat.Length) > 260);
    }

    [Fact]
    public void Latest_ratings_come_in_the_proportions_councils_report()
    {
        var actions = Generate(seed: 9, organisations: 2, plans: 2, actions: 1000).SelectMany(p => p.Actions).ToList();

        var counts = RatingCounts.Of(actions.Select(a => a.CurrentRating));
        double Share(Rating rating) => (double)counts[rating] / counts.Total;
        Assert.InRange(Share(Rating.Green), 0.35, 0.55);
        Assert.InRange(Share(Rating.Blue), 0.22, 0.42);
        Assert.InRange(Share(Rating.Amber), 0.12, 0.28);
        Assert.InRange(Share(Rating.Red), 0.01, 0.08);
        Assert.InRange(Share(Rating.None), 0.01, 0.08);
        Assert.True(counts.Green > counts.Blue && counts.Blue > counts.Amber && counts.Amber > counts.Red);
    }

    [Fact]
    public void Every_action_has_progress_in_one_to_four_reviews_in_date_order()
    {
        var plans = Generate(seed: 11, actions: 300);

        foreach (var generated in plans)
        {
            var reviews = generated.Plan.Reviews.Select(r => r.Id).ToList();
            foreach (var action in generated.Actions)
            {
                Assert.InRange(action.Updates.Count, 1, 4);
                Assert.Equal(action.Updates.Count, action.Updates.Select(u => u.ReviewId).Distinct().Count());
                Assert.All(action.Updates, u => Assert.Contains(u.ReviewId!.Value, reviews));
                Assert.Equal(action.Updates.OrderBy(u => u.RecordedAtUtc).Select(u => u.Id), action.Updates.Select(u => u.Id));
                Assert.True(action.CreatedAtUtc < action.Updates[0].RecordedAtUtc);
            }
        }

        var spread = plans.SelectMany(p => p.Actions).Select(a => a.Updates.Count).ToHashSet();
        Assert.Equal([1, 2, 3, 4], spread.Order());
    }

    [Fact]
    public void Only_the_newest_plan_is_open_with_its_last_review_open()
    {
        var plans = Generate(seed: 3, organisations: 1, plans: 3, actions: 20);

        Assert.Equal([PlanStatus.Closed, PlanStatus.Closed, PlanStatus.Open], plans.Select(p => p.Plan.Status));
        Assert.Equal(plans[0].Plan.Id, plans[1].Plan.PreviousPlanId);
        Assert.Equal(["Q1 2024-25", "Q2 2024-25", "Q3 2024-25", "Q4 2024-25"], plans[2].Plan.Reviews.Select(r => r.Label));
        Assert.Single(plans.SelectMany(p => p.Plan.Reviews), r => r.Status == ReviewStatus.Open);
        Assert.Equal(ReviewStatus.Open, plans[2].Plan.Reviews[^1].Status);
    }

    [Fact]
    public void Due_dates_come_in_every_written_form_the_reader_understands()
    {
        var actions = Generate(seed: 13, organisations: 1, plans: 1, actions: 2000).SelectMany(p => p.Actions).ToList();

        Assert.DoesNotContain(actions, a => a.DueKind == DueKind.NotADate);
        var kinds = actions.Select(a => a.DueKind).ToHashSet();
        Assert.Superset(new HashSet<DueKind> { DueKind.Date, DueKind.Range, DueKind.Milestones, DueKind.Recurring, DueKind.Continuous, DueKind.Complete, DueKind.NotApplicable, DueKind.None }, kinds);
        var texts = actions.Select(a => a.DueText).ToHashSet();
        Assert.Contains("April-June", texts);
        Assert.Contains("June and March 2025", texts);
        Assert.Contains(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d{2}-[A-Z][a-z]{2}-\d{2}$"));
        Assert.Contains(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^[A-Z][a-z]{2}-\d{2}$"));
        Assert.Contains(texts, t => t is "on-going" or "on- going");
        // Dates fall in the plan's year, so "overdue" means what it would in a real plan.
        Assert.All(actions.Where(a => a.DueKind == DueKind.Date), a => Assert.True(new FinancialYear(2024).Contains(a.DueOn!.Value), a.DueText));
    }

    [Fact]
    public void Most_actions_name_leads_who_are_people_of_the_plan()
    {
        var plan = Generate(seed: 17, organisations: 1, plans: 1, actions: 500).Single();

        var led = plan.Actions.Count(a => a.Leads.Count > 0);
        Assert.True(led > 450, $"{led} of 500 actions have a lead.");
        Assert.All(plan.Actions.SelectMany(a => a.Leads), l => Assert.Contains(l, plan.Plan.People));
        Assert.Contains(plan.Actions, a => a.Leads.Count >= 2);
    }

    [Fact]
    public void Ids_are_unique_and_shaped_like_the_apps_own()
    {
        var plans = Generate(seed: 21);
        var ids = plans.SelectMany(p => new[] { p.Plan.Id }
                .Concat(p.Plan.Sections.Select(s => s.Id))
                .Concat(p.Objectives.Select(o => o.Id))
                .Concat(p.Actions.Select(a => a.Id))
                .Concat(p.Updates.Select(u => u.Id))
                .Concat(p.Plan.Reviews.Select(r => r.Id))
                .Concat(p.Plan.People.Select(x => x.Id)))
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        // Time-ordered like Guid.CreateVersion7, so generated rows append to the end of each key's index.
        var actionIds = plans.SelectMany(p => p.Actions).Select(a => a.Id.ToString()).ToList();
        Assert.Equal(actionIds.Order(StringComparer.Ordinal), actionIds);
    }
}
