using System.Text;
using Microsoft.AspNetCore.Identity;
using ServicePlan.Database;
using ServicePlan.Import;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.Demo;

/// <summary>
/// The demo organisation and its 2024-25 plan, taken row for row from the council's published spreadsheet (seed 002).
/// That sheet gave its ratings only as cell colours, which publication lost: the ratings here are illustrative.
/// </summary>
public static class DemoData
{
    public const string OrganisationName = "City of London Corporation (demo data)";
    public const string Password = "demo-password-2024";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? PersonInitials)> Users =
    [
        ("admin@serviceplan.example", "Demo Administrator", Roles.Admin, null),
        ("owner@serviceplan.example", "Rachel Talmage", Roles.PlanOwner, "HoS"),
        ("lead@serviceplan.example", "Sam Okafor", Roles.Lead, "EHL"),
        ("viewer@serviceplan.example", "Committee Member", Roles.Viewer, null),
    ];

    private static readonly (string Name, string Initials, string Role)[] DemoPeople =
    [
        ("Rachel Talmage", "HoS", "Head of Service"),
        ("Sam Okafor", "EHL", "EH lead"),
        ("CSC & EH Management Team", "MT", "Management Team"),
        ("Assistant Director", "AD", "Assistant Director"),
        ("Service Manager", "SM", "Service Manager"),

        // Named in action 12's "Does what?" ("Roxi to develop"): a colleague, so the public papers may print her name.
        ("Roxi", "RX", "Social worker, UASC lead"),
    ];

    // Section heading that the sheet has with no actions under it; the CSV fixture cannot carry it.
    private const string SurveySection = "Findings from Annual Survey August 2023 are now tracked in a QA tracker";

    public static async Task SeedAsync(ServicePlanDbContext db, UserManager<ApplicationUser>? userManager, CancellationToken ct = default)
    {
        var organisation = new Organisation { Name = OrganisationName };
        db.Organisations.Add(organisation);

        var plan = BuildPlan(organisation.Id, CreateSources(organisation.Id, db));
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);

        if (userManager is null)
            return;

        foreach (var (email, name, role, initials) in Users)
        {
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                OrganisationId = organisation.Id,
                MustChangePassword = true,
            };
            var created = await userManager.CreateAsync(user, Password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Could not create demo user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            await userManager.AddToRoleAsync(user, role);

            if (initials is not null)
            {
                var person = plan.People.Single(p => p.Initials == initials);
                person.UserId = user.Id;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static Dictionary<string, Source> CreateSources(Guid organisationId, ServicePlanDbContext db)
    {
        Source Make(SourceKind kind, string title, DateOnly? date = null)
        {
            var source = new Source { OrganisationId = organisationId, Kind = kind, Title = title, Date = date };
            db.Sources.Add(source);
            return source;
        }

        return new()
        {
            ["staff"] = Make(SourceKind.Staff, "Staff feedback"),
            ["audit"] = Make(SourceKind.Audit, "Independent audit (Aidhour) February 2024", new DateOnly(2024, 2, 1)),
            ["ofsted"] = Make(SourceKind.OfstedRecommendation, "Ofsted ILACS inspection 2020", new DateOnly(2020, 2, 1)),
            ["scr"] = Make(SourceKind.SeriousCaseReview, "Child Q serious case review"),
            ["review"] = Make(SourceKind.Research, "Independent review of children's social care"),
            ["selfeval"] = Make(SourceKind.Other, "Self Evaluation September 2023", new DateOnly(2023, 9, 1)),
        };
    }

    private static Plan BuildPlan(Guid organisationId, Dictionary<string, Source> sources)
    {
        var year = new FinancialYear(2024);
        var plan = new Plan
        {
            OrganisationId = organisationId,
            Title = "Service Development Plan 2024-5",
            Service = "Children's Social Care & Early Help",
            Period = year,
            Owner = "Rachel Talmage, Head of Service",
            MonitoringBoard = "Achieving Excellence Board",
            RelevantStrategies = "Children and Young People's Plan; Early Help Strategy; Short Breaks Strategy",
            ReviewFrequency = "Quarterly",
            Aims = "The Self Evaluation completed in September 2023 - the actions for 2024-5 are reflected in this plan for monitoring, update and impact review. " +
                   "Audit findings and recommendations from February 2024 have been received, these are all contained in the QA tracker, with overall service actions for CSC/EH contained newly below.",
            CreatedWithIdeasFrom = "Self Evaluation (September 2023); independent audit findings and recommendations (February 2024); Annual Survey (August 2023); colleagues in the service",
            ImplementationDate = new DateOnly(2024, 4, 1),
            ReviewDate = new DateOnly(2025, 3, 31),
            RatingsAreIllustrative = true,
        };
        foreach (var (name, initials, role) in DemoPeople)
            plan.People.Add(new PlanPerson { PlanId = plan.Id, Name = name, Initials = initials, Role = role });

        var review = new Review { PlanId = plan.Id, Label = "Q1 2024-25", Date = new DateOnly(2024, 7, 15) };
        plan.Reviews.Add(review);
        var recordedAt = new DateTime(2024, 7, 10, 9, 0, 0, DateTimeKind.Utc);

        Section? section = null;
        Objective? objective = null;
        var actionNumber = 0;
        foreach (var row in ReadRows())
        {
            if (section is null || section.Title != row.Section)
            {
                if (section?.Title == "OFSTED RECOMMENDATION from ILACS 2020 retained for oversight")
                    AddSection(plan, SurveySection);
                section = AddSection(plan, row.Section);
                objective = null;
            }

            // An empty "Why?" continues the objective above: one objective, several actions.
            if (objective is null || row.Why.Length > 0)
            {
                objective = new Objective { SectionId = section.Id, Aim = row.Why, Order = section.Objectives.Count + 1 };
                objective.Sources.AddRange(SourcesFor(section.Title, row.Why, sources));
                section.Objectives.Add(objective);
            }

            actionNumber++;
            var action = new PlanAction
            {
                PlanId = plan.Id,
                ObjectiveId = objective.Id,
                Ref = actionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Order = actionNumber,
                LeadsText = row.Who,
                DoesWhat = row.DoesWhat,
                Measure = row.Measure,
                ChildrenExperience = row.Experience,
                CreatedAtUtc = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc),
                RetainedForOversight = section.Title.Contains("retained for oversight", StringComparison.OrdinalIgnoreCase)
                    || row.Comment.Contains("retain oversight", StringComparison.OrdinalIgnoreCase),
            };
            action.SetDue(row.ByWhen, year);
            action.Leads.AddRange(LeadMatcher.Match(row.Who, plan.People));

            var rating = Ratings.Parse(row.Rating);
            if (rating != Rating.None || row.Comment.Length > 0)
            {
                action.Updates.Add(new ProgressUpdate
                {
                    ActionId = action.Id,
                    ReviewId = review.Id,
                    Rating = rating,
                    Comment = row.Comment,
                    AuthorName = "Rachel Talmage",
                    RecordedAtUtc = recordedAt,
                });
            }

            objective.Actions.Add(action);
        }

        return plan;
    }

    private static Section AddSection(Plan plan, string title)
    {
        var section = new Section { PlanId = plan.Id, Title = title, Order = plan.Sections.Count + 1 };
        plan.Sections.Add(section);
        return section;
    }

    private static IEnumerable<Source> SourcesFor(string section, string why, Dictionary<string, Source> sources)
    {
        var text = section + " " + why;
        bool Has(string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

        if (Has("Ofsted"))
            yield return sources["ofsted"];
        else if (Has("audit"))
            yield return sources["audit"];
        if (Has("Child Q"))
            yield return sources["scr"];
        if (Has("social care review") || Has("care review"))
            yield return sources["review"];
        if (Has("colleagues") || Has("Staff have") || Has("Feedback from Duty") || Has("social workers"))
            yield return sources["staff"];
        if (Has("Self Evaluation"))
            yield return sources["selfeval"];
    }

    private sealed record DemoRow(string Section, string Why, string Who, string DoesWhat, string ByWhen, string Measure, string Experience, string Rating, string Comment);

    private static List<DemoRow> ReadRows()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("ServicePlan.Demo.sdp-2024-25.csv")
            ?? throw new InvalidOperationException("The demo plan resource is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return CsvReader.ReadRows(reader)
            .Skip(1)
            .Where(r => r.Cells.Length >= 9)
            .Select(r => r.Cells.Select(c => c.Trim()).ToArray())
            .Select(c => new DemoRow(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]))
            .ToList();
    }
}
