using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Audit;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.Demo;

public sealed record DemoRequest(int Organisations, int PlansPerOrganisation, int ActionsPerPlan, int Reviews, int Seed);

/// <summary>How far a generation has got, reported after each batch is committed.</summary>
public sealed record DemoProgress(long ActionsWritten, long ActionsTotal, int PlansWritten, int PlansTotal);

public sealed record DemoAccount(string Email, string Role, Guid OrganisationId);

public sealed record DemoResult(
    int Seed,
    int Organisations,
    int Plans,
    long Sections,
    long Objectives,
    long Actions,
    long Updates,
    long Reviews,
    RatingCounts Ratings,
    IReadOnlyList<DemoAccount> Accounts,
    TimeSpan Elapsed);

/// <summary>Refused before anything was written, with the reason for the user.</summary>
public sealed class DemoRefusedException(string message) : Exception(message);

/// <summary>
/// Writes generated organisations, accounts and plans (see <see cref="PlanGenerator"/>) with <see cref="BulkInsert"/>:
/// generated a batch of plans at a time and committed in one transaction per batch, so memory stays flat however
/// many actions are asked for and a failure loses one batch, not the run.
/// </summary>
public sealed class DemoGenerator(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>About this many actions go in one transaction: big enough that commits cost little, small enough to hold in memory.</summary>
    private const int ActionsPerBatch = 5_000;

    public async Task<DemoResult> GenerateAsync(DemoRequest request, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        var started = Stopwatch.StartNew();
        var generator = new PlanGenerator(request.Seed);
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        // One password hash for every generated account: hashing is deliberately slow (PBKDF2), and these accounts share
        // the published demo password anyway, so a salt per account would protect nothing and cost a minute per thousand.
        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoData.Password);
        var now = clock.GetUtcNow().UtcDateTime;

        var plansTotal = request.Organisations * request.PlansPerOrganisation;
        var actionsTotal = (long)plansTotal * request.ActionsPerPlan;
        var batch = new Batch();
        var accounts = new List<DemoAccount>();
        long sections = 0, objectives = 0, actions = 0, updates = 0, reviews = 0;
        int blue = 0, red = 0, amber = 0, green = 0, unrated = 0;
        var plansWritten = 0;
        long actionsWritten = 0;
        var checkedFirst = false;

        for (var o = 1; o <= request.Organisations; o++)
        {
            var org = generator.Organisation(o);
            if (!checkedFirst)
            {
                checkedFirst = true;
                if (await db.Organisations.AnyAsync(x => x.Id == org.Organisation.Id, ct))
                    throw new DemoRefusedException($"Seed {request.Seed} has already been generated into this database; choose another --seed.");
            }

            batch.Organisations.Add(org.Organisation);
            batch.Sources.AddRange(org.Sources);
            foreach (var staff in org.Staff)
            {
                batch.Users.Add(User(staff, org.Organisation, passwordHash, generator));
                batch.UserRoles.Add(new IdentityUserRole<string> { UserId = staff.UserId, RoleId = roles[staff.Role] });
                accounts.Add(new DemoAccount(staff.Email, staff.Role, org.Organisation.Id));
            }

            Guid? previous = null;
            for (var p = 0; p < request.PlansPerOrganisation; p++)
            {
                var year = new FinancialYear(PlanGenerator.LatestYear.StartYear - (request.PlansPerOrganisation - 1 - p));
                var generated = generator.Plan(org, year, request.ActionsPerPlan, request.Reviews, previous, newest: p == request.PlansPerOrganisation - 1);
                previous = generated.Plan.Id;
                batch.Add(generated, now);

                sections += generated.Plan.Sections.Count;
                reviews += generated.Plan.Reviews.Count;
                foreach (var objective in generated.Objectives)
                {
                    objectives++;
                    foreach (var action in objective.Actions)
                    {
                        actions++;
                        updates += action.Updates.Count;
                        switch (action.CurrentRating)
                        {
                            case ServicePlan.Progress.Rating.Blue: blue++; break;
                            case ServicePlan.Progress.Rating.Red: red++; break;
                            case ServicePlan.Progress.Rating.Amber: amber++; break;
                            case ServicePlan.Progress.Rating.Green: green++; break;
                            default: unrated++; break;
                        }
                    }
                }

                if (batch.ActionCount >= ActionsPerBatch)
                {
                    (actionsWritten, plansWritten) = (actionsWritten + batch.ActionCount, plansWritten + batch.Plans.Count);
                    await WriteAsync(batch, ct);
                    batch = new Batch();
                    progress?.Report(new DemoProgress(actionsWritten, actionsTotal, plansWritten, plansTotal));
                }
            }
        }

        if (batch.Organisations.Count > 0 || batch.Plans.Count > 0)
        {
            (actionsWritten, plansWritten) = (actionsWritten + batch.ActionCount, plansWritten + batch.Plans.Count);
            await WriteAsync(batch, ct);
            progress?.Report(new DemoProgress(actionsWritten, actionsTotal, plansWritten, plansTotal));
        }

        return new DemoResult(request.Seed, request.Organisations, plansTotal, sections, objectives, actions, updates, reviews,
            new RatingCounts(blue, red, amber, green, unrated), accounts, started.Elapsed);
    }

    private static ApplicationUser User(GeneratedStaff staff, Organisation organisation, string passwordHash, PlanGenerator generator) => new()
    {
        Id = staff.UserId,
        UserName = staff.Email,
        NormalizedUserName = staff.Email.ToUpperInvariant(),
        Email = staff.Email,
        NormalizedEmail = staff.Email.ToUpperInvariant(),
        EmailConfirmed = true,
        PasswordHash = passwordHash,
        // Identity's stamps are random; these come from the seed so that a seed always gives the same rows.
        SecurityStamp = generator.NextId().ToString("N").ToUpperInvariant(),
        ConcurrencyStamp = generator.NextId().ToString(),
        LockoutEnabled = true,
        DisplayName = staff.Name,
        OrganisationId = organisation.Id,
        MustChangePassword = true,
    };

    private async Task WriteAsync(Batch batch, CancellationToken ct)
    {
        var bulk = new BulkInsert(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await bulk.RowsAsync(batch.Organisations, ct);
        await bulk.RowsAsync(batch.Sources, ct);
        await bulk.RowsAsync(batch.Users, ct);
        await bulk.RowsAsync(batch.UserRoles, ct);
        await bulk.RowsAsync(batch.Plans, ct);
        await bulk.RowsAsync(batch.People, ct);
        await bulk.RowsAsync(batch.Reviews, ct);
        await bulk.RowsAsync(batch.Sections, ct);
        await bulk.RowsAsync(batch.Objectives, ct);
        await bulk.LinksAsync("ObjectiveSources", batch.ObjectiveSources, ct);
        await bulk.RowsAsync(batch.Actions, ct);
        await bulk.LinksAsync("ActionLeads", batch.ActionLeads, ct);
        await bulk.RowsAsync(batch.Updates, ct);
        await bulk.RowsAsync(batch.Snapshots, ct);
        await bulk.RowsAsync(batch.SnapshotActions, ct);
        // The rows above bypass the change tracker and so the audit interceptor: each plan gets one entry, as an import does.
        await bulk.RowsAsync(batch.AuditEntries, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The rows of the plans generated since the last commit, in the order foreign keys need them written.</summary>
    private sealed class Batch
    {
        public List<Organisation> Organisations { get; } = [];
        public List<Source> Sources { get; } = [];
        public List<ApplicationUser> Users { get; } = [];
        public List<IdentityUserRole<string>> UserRoles { get; } = [];
        public List<Plan> Plans { get; } = [];
        public List<PlanPerson> People { get; } = [];
        public List<Review> Reviews { get; } = [];
        public List<Section> Sections { get; } = [];
        public List<Objective> Objectives { get; } = [];
        public List<(Objective, Source)> ObjectiveSources { get; } = [];
        public List<PlanAction> Actions { get; } = [];
        public List<(PlanAction, PlanPerson)> ActionLeads { get; } = [];
        public List<ProgressUpdate> Updates { get; } = [];
        public List<ReviewSnapshot> Snapshots { get; } = [];
        public List<ReviewSnapshotAction> SnapshotActions { get; } = [];
        public List<AuditEntry> AuditEntries { get; } = [];

        public int ActionCount => Actions.Count;

        public void Add(GeneratedPlan generated, DateTime now)
        {
            var plan = generated.Plan;
            Plans.Add(plan);
            People.AddRange(plan.People);
            Reviews.AddRange(plan.Reviews);
            Sections.AddRange(plan.Sections);
            Objectives.AddRange(generated.Objectives);
            ObjectiveSources.AddRange(generated.ObjectiveSources);
            foreach (var action in generated.Actions)
            {
                Actions.Add(action);
                ActionLeads.AddRange(action.Leads.Select(person => (action, person)));
                Updates.AddRange(action.Updates);
            }

            // Closed reviews are written with their figures, as closing any review writes them.
            var reviews = plan.Reviews.Select(r => new ReviewInHistory(r.Id, r.Label, r.Date, r.ClosedAtUtc)).ToList();
            var histories = plan.Sections.OrderBy(s => s.Order)
                .SelectMany(s => s.Objectives.OrderBy(o => o.Order).SelectMany(o => o.Actions.OrderBy(a => a.Order).Select(a => new ActionHistory(
                    a.Id, a.Ref, s.Title, a.DoesWhat, a.DueKind, a.DueOn, a.CreatedAtUtc,
                    a.Updates.Select(u => new UpdateInHistory(u.Id, u.ReviewId, u.RecordedAtUtc, u.Rating, u.Comment, u.IsExempt)).ToList()))))
                .ToList();
            foreach (var review in plan.Reviews.Where(r => r.Status == ReviewStatus.Closed))
            {
                var snapshot = ReviewSnapshots.Take(plan.Id, reviews.Single(r => r.Id == review.Id), reviews, histories, review.ClosedAtUtc ?? now);
                Snapshots.Add(snapshot);
                SnapshotActions.AddRange(snapshot.Actions);
            }

            var entry = AuditEntry.ForPlanWrittenInBulk(
                plan, now, userId: null, "Demo data generator", "Generated",
                $"{plan.Sections.Count} sections, {generated.Objectives.Count()} objectives, {generated.Actions.Count()} actions");
            // The entry's id is the plan's: unique, and keeps the audit rows as repeatable as the rest of a seed's data.
            entry.Id = plan.Id;
            AuditEntries.Add(entry);
        }
    }
}
