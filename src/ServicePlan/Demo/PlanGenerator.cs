using System.Globalization;
using System.Text;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.Demo;

/// <summary>Someone in a generated organisation with a sign-in account; <see cref="Role"/> is one of <see cref="Roles"/>.</summary>
public sealed record GeneratedStaff(string UserId, string Email, string Name, string Initials, string JobTitle, string Role);

/// <summary>A generated council: the organisation, its source register and its people with accounts.</summary>
public sealed record GeneratedOrganisation(Organisation Organisation, IReadOnlyList<Source> Sources, IReadOnlyList<GeneratedStaff> Staff);

/// <summary>
/// A generated plan as one object graph (plan → sections → objectives → actions → updates, with people, reviews and
/// leads), plus the objective-to-source links, which have no navigation of their own on the source side.
/// </summary>
public sealed record GeneratedPlan(Plan Plan, IReadOnlyList<(Objective Objective, Source Source)> ObjectiveSources)
{
    public IEnumerable<Objective> Objectives => Plan.Sections.SelectMany(s => s.Objectives);

    public IEnumerable<PlanAction> Actions => Objectives.SelectMany(o => o.Actions);

    public IEnumerable<ProgressUpdate> Updates => Actions.SelectMany(a => a.Updates);
}

/// <summary>
/// Makes realistic Service Development Plans for demonstrations and load tests: text of the seeds' lengths and
/// vocabulary (aims about 150 characters, actions 200, measures 120, experiences of children 150), due dates in every
/// form <see cref="Plans.DueDate"/> reads, one to four quarterly reviews of progress per action, and BRAG ratings in
/// the proportions councils report (mostly Green and Blue, some Amber, few Red).
///
/// Deterministic: everything, ids included, comes from one <see cref="Random"/> seeded with <see cref="Seed"/>, so the
/// same seed and the same calls in the same order give identical data with the same build of ServicePlan. Callers must
/// therefore ask for organisations and plans in a fixed order.
/// </summary>
public sealed class PlanGenerator
{
    /// <summary>Reviews are quarterly: a plan has at most four, and each action has progress in one to four of them.</summary>
    public const int MaxReviews = 4;

    public const int AimLength = 150;
    public const int ActionLength = 200;
    public const int MeasureLength = 120;
    public const int ExperienceLength = 150;
    public const int CommentLength = 130;

    /// <summary>The year of each organisation's newest plan: fixed, not today's, so a seed gives the same data on any day.</summary>
    public static readonly FinancialYear LatestYear = new(2024);

    // Latest ratings as the seeds' councils reported them (2018-19: 25 blue, 0 red, 8 amber, 32 green; 2024-25: 8 blue,
    // 1 red, 6 amber, 13 green, 3 not rated).
    private static readonly (Rating Rating, int Weight)[] LatestRatings =
        [(Rating.Green, 44), (Rating.Blue, 28), (Rating.Amber, 20), (Rating.Red, 4), (Rating.None, 4)];

    private readonly Random _random;
    private long _idClock;

    public PlanGenerator(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
        _idClock = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    public int Seed { get; }

    /// <summary>
    /// A new id shaped like <see cref="Guid.CreateVersion7()"/> (time-ordered, so rows go to the end of the key's index as
    /// the app's own ids do), but with a counter for the time and the seeded random for the rest.
    /// </summary>
    public Guid NextId()
    {
        var time = _idClock++;
        var random = _random.NextInt64();
        var more = _random.Next();
        return new Guid(
            (int)(time >> 16),
            (short)(time & 0xFFFF),
            (short)(0x7000 | (int)(random & 0x0FFF)),
            (byte)(0x80 | (int)((random >> 12) & 0x3F)),
            (byte)(random >> 18),
            (byte)(random >> 26),
            (byte)(random >> 34),
            (byte)(random >> 42),
            (byte)(random >> 50),
            (byte)more,
            (byte)(more >> 8));
    }

    /// <summary>Organisation <paramref name="number"/> (from 1), with its sources and five accounts: an owner, three leads and a viewer.</summary>
    public GeneratedOrganisation Organisation(int number)
    {
        var place = Pick(PhraseBank.Places);
        var name = string.Create(CultureInfo.InvariantCulture, $"{place} {Pick(PhraseBank.CouncilKinds)} (generated {number})");
        var organisation = new Organisation { Id = NextId(), Name = name };
        var domain = string.Create(CultureInfo.InvariantCulture, $"org{number}-s{Seed}.serviceplan.example");

        var sources = Shuffled(PhraseBank.SourceTitles).Take(_random.Next(6, 10))
            .Select(s => new Source
            {
                Id = NextId(),
                OrganisationId = organisation.Id,
                Title = s.Title,
                Kind = s.Kind,
                Date = Chance(0.5) ? new DateOnly(LatestYear.StartYear - _random.Next(0, 3), _random.Next(1, 13), 1) : null,
            })
            .ToList();

        var staff = new List<GeneratedStaff>();
        var initials = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "HoS", "MT", "AD" };
        GeneratedStaff Person(string local, string jobTitle, string role, string? fixedInitials = null)
        {
            var given = Pick(PhraseBank.GivenNames);
            var family = Pick(PhraseBank.FamilyNames);
            var mark = fixedInitials ?? UniqueInitials(given, family, initials);
            return new GeneratedStaff(NextId().ToString(), $"{local}@{domain}", $"{given} {family}", mark, jobTitle, role);
        }

        staff.Add(Person("owner", "Head of Service", Roles.PlanOwner, "HoS"));
        staff.Add(Person("lead1", "Team Manager", Roles.Lead));
        staff.Add(Person("lead2", "Deputy Team Manager", Roles.Lead));
        staff.Add(Person("lead3", "Early Help & Short Breaks Lead", Roles.Lead));
        staff.Add(Person("viewer", "Committee Member", Roles.Viewer));
        return new GeneratedOrganisation(organisation, sources, staff);
    }

    /// <summary>
    /// One plan of <paramref name="actions"/> actions for <paramref name="year"/>, with <paramref name="reviews"/> quarterly
    /// reviews. The organisation's newest plan is open with its last review open; earlier ones are closed, rolled over.
    /// </summary>
    public GeneratedPlan Plan(GeneratedOrganisation org, FinancialYear year, int actions, int reviews, Guid? previousPlanId, bool newest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reviews, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reviews, MaxReviews);

        var owner = org.Staff.Single(s => s.Role == Roles.PlanOwner);
        var plan = new Plan
        {
            Id = NextId(),
            OrganisationId = org.Organisation.Id,
            Title = Chance(0.5)
                ? string.Create(CultureInfo.InvariantCulture, $"Service Development Plan {year.StartYear}-{(year.StartYear + 1) % 10}")
                : $"{Pick(PhraseBank.Services)} Service Development Plan {year}",
            Service = Pick(PhraseBank.Services),
            Period = year,
            Owner = $"{owner.Name}, {owner.JobTitle}",
            MonitoringBoard = Pick(PhraseBank.Boards),
            RelevantStrategies = Pick(PhraseBank.Strategies),
            ReviewFrequency = "Quarterly",
            Aims = "The aim of this plan is to improve services for children, young people and their families. " +
                   string.Create(CultureInfo.InvariantCulture, $"The Self Evaluation completed in September {year.StartYear - 1} is reflected in this plan for monitoring, update and impact review."),
            CreatedWithIdeasFrom = string.Join("; ", org.Sources.Select(s => s.Title)),
            ImplementationDate = year.Start,
            ReviewDate = year.End,
            Status = newest ? PlanStatus.Open : PlanStatus.Closed,
            RolledOverAtUtc = newest ? null : At(year.Next().Start.AddDays(1), 10),
            PreviousPlanId = previousPlanId,
        };

        foreach (var member in org.Staff.Where(s => s.Role is Roles.PlanOwner or Roles.Lead))
            plan.People.Add(new PlanPerson { Id = NextId(), PlanId = plan.Id, Name = member.Name, Initials = member.Initials, Role = member.JobTitle, UserId = member.UserId });
        plan.People.Add(new PlanPerson { Id = NextId(), PlanId = plan.Id, Name = PhraseBank.Teams[0], Initials = "MT", Role = "Management Team" });
        plan.People.Add(new PlanPerson { Id = NextId(), PlanId = plan.Id, Name = "Assistant Director", Initials = "AD", Role = "Assistant Director" });

        for (var q = 1; q <= reviews; q++)
        {
            var date = ReviewDate(year, q);
            var open = newest && q == reviews;
            plan.Reviews.Add(new Review
            {
                Id = NextId(),
                PlanId = plan.Id,
                Label = $"Q{q} {year}",
                Date = date,
                Status = open ? ReviewStatus.Open : ReviewStatus.Closed,
                OpenedAtUtc = At(date.AddDays(-21), 9),
                OpenedByUserId = owner.UserId,
                ClosedAtUtc = open ? null : At(date.AddDays(7), 16),
            });
        }

        var objectiveSources = new List<(Objective, Source)>();
        var order = 0;
        foreach (var (section, quota) in Sections(plan, actions))
        {
            var retained = section.Title == PhraseBank.OversightSection;
            var left = quota;
            while (left > 0)
            {
                var size = Math.Min(left, Weighted((1, 60), (2, 28), (3, 12)));
                left -= size;
                var source = Chance(0.55) ? Pick(org.Sources) : null;
                var objective = new Objective { Id = NextId(), SectionId = section.Id, Aim = Aim(source), Order = section.Objectives.Count + 1 };
                if (source is not null)
                    objectiveSources.Add((objective, source));
                section.Objectives.Add(objective);
                for (var i = 0; i < size; i++)
                    objective.Actions.Add(Action(plan, objective, ++order, retained));
            }
        }

        return new GeneratedPlan(plan, objectiveSources);
    }

    /// <summary>Reviews fall mid-month after each quarter: July, October, January and April.</summary>
    private static DateOnly ReviewDate(FinancialYear year, int quarter) => year.Start.AddMonths(3 * quarter).AddDays(14);

    private static DateTime At(DateOnly date, int hour) => date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    /// <summary>Five to eight sections, each with at least one action when there are enough, sharing the rest unevenly as real plans do.</summary>
    private List<(Section Section, int Actions)> Sections(Plan plan, int actions)
    {
        var count = Math.Min(actions, _random.Next(5, 9));
        var titles = Shuffled(PhraseBank.Sections).Take(count).ToList();
        if (count > 2 && Chance(0.25))
            titles[^1] = PhraseBank.OversightSection;

        var weights = titles.Select(_ => 0.5 + _random.NextDouble() * 1.5).ToArray();
        var quotas = titles.Select(_ => 1).ToArray();
        var total = weights.Sum();
        for (var left = actions - count; left > 0; left--)
        {
            var point = _random.NextDouble() * total;
            var i = 0;
            while (i < weights.Length - 1 && (point -= weights[i]) > 0)
                i++;
            quotas[i]++;
        }

        var sections = new List<(Section, int)>();
        for (var i = 0; i < count; i++)
        {
            var section = new Section { Id = NextId(), PlanId = plan.Id, Title = titles[i], Order = i + 1 };
            plan.Sections.Add(section);
            sections.Add((section, quotas[i]));
        }

        return sections;
    }

    private PlanAction Action(Plan plan, Objective objective, int order, bool retained)
    {
        var action = new PlanAction
        {
            Id = NextId(),
            PlanId = plan.Id,
            ObjectiveId = objective.Id,
            Ref = order.ToString(CultureInfo.InvariantCulture),
            Order = order,
            LeadsText = Who(plan.People),
            DoesWhat = Compose(PhraseBank.Actions, ActionLength),
            Measure = Compose(PhraseBank.Measures, MeasureLength),
            ChildrenExperience = Compose(PhraseBank.Experiences, ExperienceLength),
            RetainedForOversight = retained,
        };
        action.SetDue(DueText(plan.Period), plan.Period);
        action.Leads.AddRange(LeadMatcher.Match(action.LeadsText, plan.People));

        // Progress in the last one to four reviews: an action with fewer joined the plan after the earlier ones.
        var reviews = plan.Reviews;
        var updates = _random.Next(1, reviews.Count + 1);
        var first = reviews.Count - updates;
        action.CreatedAtUtc = first == 0 ? At(plan.Period.Start, 0) : At(reviews[first - 1].Date.AddDays(_random.Next(1, 30)), 9);

        var ratings = Trajectory(updates, action.Due(plan.Period).ImpliesDone);
        var author = action.Leads.FirstOrDefault(p => p.UserId is not null) ?? plan.People[0];
        for (var i = 0; i < updates; i++)
        {
            var review = reviews[first + i];
            action.Updates.Add(new ProgressUpdate
            {
                Id = NextId(),
                ActionId = action.Id,
                ReviewId = review.Id,
                Rating = ratings[i],
                Comment = Comment(review.Date),
                AuthorName = author.Name,
                AuthorUserId = author.UserId,
                RecordedAtUtc = At(review.Date.AddDays(-_random.Next(1, 21)), 8).AddMinutes(_random.Next(0, 9 * 60)),
            });
        }

        return action;
    }

    /// <summary>The ratings of an action's updates, oldest first: the latest in realistic proportions, the earlier ones where it came from.</summary>
    private Rating[] Trajectory(int updates, bool done)
    {
        var ratings = new Rating[updates];
        ratings[^1] = done ? Rating.Blue : Weighted(LatestRatings);
        for (var i = updates - 2; i >= 0; i--)
        {
            ratings[i] = ratings[i + 1] switch
            {
                Rating.Blue => Weighted((Rating.Green, 70), (Rating.Amber, 30)),
                Rating.Green => Weighted((Rating.Green, 65), (Rating.Amber, 35)),
                Rating.Amber => Weighted((Rating.Amber, 50), (Rating.Green, 35), (Rating.Red, 15)),
                Rating.Red => Weighted((Rating.Amber, 50), (Rating.Red, 50)),
                _ => Rating.None,
            };
        }

        return ratings;
    }

    /// <summary>"Who?" as plans write it: initials, the Head of Service in any case, two or three leads, a team or a job title.</summary>
    private string Who(IReadOnlyList<PlanPerson> people)
    {
        var leads = people.Where(p => p.UserId is not null && p.Initials != "HoS").ToList();
        return Weighted<Func<string>>(
            (() => Pick(leads).Initials, 40),
            (() => Pick(["HoS", "HOS", "hos", "Head of Service"]), 20),
            (() => string.Join("/", Shuffled(leads).Take(2).Select(p => p.Initials)), 15),
            (() => "hos & management team", 6),
            (() => PhraseBank.Teams[0], 6),
            (() => Pick(leads).Role!, 6),
            (() => string.Join("/", Shuffled(leads).Take(3).Select((p, i) => i == 2 ? " " + p.Initials : p.Initials)), 5),
            (() => "Assistant Director & Service Manager", 2))();
    }

    /// <summary>"By when?" in every form found in the seeds, placed in the plan's year.</summary>
    private string DueText(FinancialYear year)
    {
        var month = _random.Next(0, 12);
        var (m, y) = month < 9 ? (month + 4, year.StartYear) : (month - 8, year.StartYear + 1);
        var date = new DateOnly(y, m, 1);
        string Short(DateOnly d) => d.ToString("MMM-yy", CultureInfo.InvariantCulture);
        string Long(DateOnly d) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var later = date.AddMonths(_random.Next(1, 4));
        if (later > year.End)
            later = new DateOnly(year.End.Year, year.End.Month, 1);

        return Weighted<Func<string>>(
            (() => Short(date), 34),
            (() => new DateOnly(y, m, Pick([1, 1, 15, Math.Min(30, DateTime.DaysInMonth(y, m))])).ToString("dd-MMM-yy", CultureInfo.InvariantCulture), 12),
            (() => Long(date), 6),
            (() => new DateOnly(y, m, DateTime.DaysInMonth(y, m)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), 5),
            (() => Pick(["end of ", "by the end of ", "By "]) + Long(date), 4),
            (() => date.ToString("MMMM", CultureInfo.InvariantCulture), 3),
            (() => Chance(0.5) ? year.Start.AddMonths(2).ToString("MMMM", CultureInfo.InvariantCulture) + " and " + Long(year.End) : $"{Short(date)}, {Short(later)} & {Short(year.End)}", 5),
            (() => Chance(0.5) ? "April-June" : $"{Short(date)} - {Short(later)}", 6),
            (() => Pick(["Weekly.", "Monthly", "Quarterly", "weekly", "Annually"]), 6),
            (() => Pick(["on-going", "ongoing", "on- going", "Ongoing", "Continuous"]), 10),
            (() => Pick(["complete", "Complete", "Complet ed"]), 4),
            (() => Pick(["n/a", "N/A"]), 3),
            (() => "", 2))();
    }

    private string Aim(Source? source)
    {
        var suffix = source is null ? "" : $" ({source.Title})";
        var target = Around(AimLength) - suffix.Length;
        var text = new StringBuilder(Fill(Pick(PhraseBank.Aims)));
        while (text.Length < target)
        {
            var next = Chance(0.6) ? Pick(PhraseBank.AimReasons) : LowerFirst(Fill(Pick(PhraseBank.Aims)));
            if (text.Length + next.Length / 2 > target)
                break;
            text.Append(Chance(0.5) ? ", " : " - ").Append(next);
        }

        return OccasionallyLower(text.Append(suffix).ToString());
    }

    private string Comment(DateOnly reviewDate)
    {
        var prefix = Chance(0.5) ? Pick(PhraseBank.MonthPrefixes) + " " : Chance(0.2) ? reviewDate.ToString("MMMM yyyy", CultureInfo.InvariantCulture) + ": " : "";
        return prefix + Compose(PhraseBank.Comments, CommentLength - prefix.Length);
    }

    /// <summary>Sentences from the bank until the text is about <paramref name="mean"/> characters long, varying as real cells do.</summary>
    private string Compose(string[] bank, int mean)
    {
        var target = Around(mean);
        var used = new List<int> { _random.Next(bank.Length) };
        var text = new StringBuilder(Fill(bank[used[0]]));
        for (var tries = 0; text.Length < target && tries < 12; tries++)
        {
            var index = _random.Next(bank.Length);
            if (used.Contains(index))
                continue;
            var next = Fill(bank[index]);
            // Stopping when the next sentence would overshoot by more than half keeps the average on the mean.
            if (text.Length + 1 + next.Length / 2 > target)
                break;
            used.Add(index);
            text.Append(' ').Append(next);
        }

        return OccasionallyLower(text.ToString());
    }

    /// <summary>A length around the mean: anywhere from 55% to 145% of it, most often near it.</summary>
    private int Around(int mean) => (int)(mean * (0.55 + 0.45 * (_random.NextDouble() + _random.NextDouble())));

    private string Fill(string phrase)
    {
        if (!phrase.Contains('{', StringComparison.Ordinal))
            return phrase;
        var text = new StringBuilder();
        var chosen = new List<string>();
        var at = 0;
        while (phrase.IndexOf('{', at) is var open and >= 0)
        {
            var close = phrase.IndexOf('}', open);
            var options = PhraseBank.Slots[phrase[(open + 1)..close]];
            var value = Pick(options);
            // "DTM and DTM" reads as a mistake: a phrase names two different things.
            for (var tries = 0; chosen.Contains(value) && tries < 4; tries++)
                value = Pick(options);
            chosen.Add(value);
            text.Append(phrase, at, open - at).Append(value);
            at = close + 1;
        }

        return text.Append(phrase, at, phrase.Length - at).ToString();
    }

    // Real cells are not always capitalised ("kinship care strategy updated", "hos").
    private string OccasionallyLower(string text) => Chance(0.06) ? LowerFirst(text) : text;

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string UniqueInitials(string given, string family, HashSet<string> taken)
    {
        var initials = $"{given[0]}{family[0]}";
        for (var extra = 1; !taken.Add(initials); extra++)
            initials = $"{given[0]}{family[0]}{family[Math.Min(extra, family.Length - 1)]}" + (extra >= family.Length ? extra.ToString(CultureInfo.InvariantCulture) : "");
        return initials;
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private T Weighted<T>(params (T Value, int Weight)[] choices)
    {
        var point = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((point -= weight) < 0)
                return value;
        }

        return choices[^1].Value;
    }
}
