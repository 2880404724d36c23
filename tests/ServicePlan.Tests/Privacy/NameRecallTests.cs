using ServicePlan.Privacy;
using Xunit.Abstractions;

namespace ServicePlan.Tests.Privacy;

// Measures the name check over made-up comments (TestData/made-up-names.tsv: 500 sentences with names from many
// communities, names that are also English words, accents and hyphens, and 40 sentences without a name) and over the
// real seed papers, the figures README reports. Run them with:
//   dotnet test tests/ServicePlan.Tests --filter "FullyQualifiedName~NameRecallTests" --logger "console;verbosity=detailed"
public sealed class NameRecallTests(ITestOutputHelper output)
{
    // People the seed papers name who are not among SeedPlan's people: committee members, officers, report authors
    // and staff named in the appendix's comments. Flagging them is right; a plan owner accepts them with a reason.
    private static readonly HashSet<string> RealPeopleInSeeds =
    [
        "Ruby Sayed", "John Fletcher", "Randall Anderson", "Munsur Ali", "Mary Durcan", "Marianne Fredericks", "Susan Pearson",
        "Jason Pritchard", "Chloe Rew", "John Barradell", "Andrew Carter", "Kirstie Hilton", "Zak Darwood", "Sharon Cushnie",
        "Simon Cribbens", "Ian Tweedie", "Pat Dixon", "Tweedie", "Sally Mortimore Aidhour", "Anne Bamford", "Claire Giraude", "Kidane",
        "Ria", "Teresa Shortland", "Greer", "Gerturde", "Chadrack", "Ellie Ward",
    ];

    [Fact]
    public void Finds_at_least_99_percent_of_made_up_names_in_comment_sentences()
    {
        var (found, total, missed, _) = Measure();

        output.WriteLine($"Recall: {found} of {total} names ({100.0 * found / total:F1}%)");
        Assert.True(found >= 0.99 * total, $"found {found} of {total}; missed: {string.Join("; ", missed)}");
    }

    [Fact]
    public void Sentences_without_a_name_give_no_name_flags()
    {
        var (_, _, _, falseFlags) = Measure();

        Assert.True(falseFlags.Count == 0, string.Join("; ", falseFlags));
    }

    [Fact]
    public void The_seed_papers_flag_only_real_people_and_one_cut_off_word_and_the_plan_of_2024_25_nothing()
    {
        var plan = SeedFlags("seed-002-plan-2024-25.txt", out var planWords);
        var papers = SeedFlags("seed-003-committee-papers-2019-20.txt", out var paperWords);
        var names = papers.Where(f => f.Kind == PersonalDataKind.PersonalName).ToList();
        var falseNames = names.Where(f => !RealPeopleInSeeds.Contains(f.Found)).ToList();
        var words = planWords + paperWords;

        output.WriteLine($"Seeds: {words} words; {names.Count} name flags, of them {falseNames.Count} not a person ({10000.0 * falseNames.Count / words:F2} per 10,000 words)");
        Assert.True(plan.Count == 0, SeedPlan.Describe(plan));
        // "Commini" is a cell of the 2019-20 appendix cut off mid-word ("Commini|5|"): the one false finding left.
        Assert.True(falseNames.Select(f => f.Found).SequenceEqual(["Commini"]), SeedPlan.Describe(falseNames));
    }

    private static (int Found, int Total, List<string> Missed, List<string> FalseFlags) Measure()
    {
        var found = 0;
        var total = 0;
        var missed = new List<string>();
        var falseFlags = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "made-up-names.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var columns = line.Split('\t');
            var text = columns[0];
            var names = columns[1].Split('|', StringSplitOptions.RemoveEmptyEntries);
            var flags = SeedPlan.Scan(text).Where(f => f.Kind == PersonalDataKind.PersonalName).ToList();
            var spans = names.Select(n => (Start: text.IndexOf(n, StringComparison.Ordinal), n.Length)).ToList();
            foreach (var (start, length) in spans)
            {
                total++;
                // Found when every letter of the name is inside a flag ("Nguyễn Thị Hương" may be one flag or two).
                var covered = Enumerable.Range(start, length).All(c => !char.IsLetter(text[c]) || flags.Any(f => f.Start <= c && c < f.Start + f.Length));
                if (covered)
                    found++;
                else
                    missed.Add($"{text.Substring(start, length)} in \"{text}\"");
            }
            foreach (var flag in flags)
            {
                if (!spans.Any(s => flag.Start < s.Start + s.Length && s.Start < flag.Start + flag.Length))
                    falseFlags.Add($"\"{flag.Found}\" in \"{text}\"");
            }
        }
        return (found, total, missed, falseFlags);
    }

    // Each cell of each line is one text, as the import reads a plan.
    private static IReadOnlyList<PersonalDataFlag> SeedFlags(string file, out int words)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", file));
        words = lines.Sum(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var texts = lines.SelectMany((line, n) => line.Split('\t').Select(cell => new TextToPublish($"line {n + 1}", cell)));
        return PersonalDataCheck.Scan(texts, SeedPlan.Known);
    }
}
