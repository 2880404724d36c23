using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Bench;

/// <summary>A plan of any size with texts as long as the seeds' (aims ~150 characters, actions ~200), the same for the same seed.</summary>
public static class GeneratedPlan
{
    private static readonly string[] Words =
        ("children families social worker early help plan review audit ofsted support care leavers placement assessment " +
         "supervision training recording decision management oversight staff survey voice child young people safe " +
         "timely consistent quality pathway housing education health partnership strategy data evidence").Split(' ');

    private static readonly string[] Dues = ["Oct-24", "01-Sep-24", "May-25", "June and March 2025", "April-June", "Weekly.", "on-going", "complete", "n/a", ""];
    private static readonly Rating[] RatingMix = [Rating.Blue, Rating.Blue, Rating.Green, Rating.Green, Rating.Green, Rating.Green, Rating.Amber, Rating.Amber, Rating.Red, Rating.None];

    public static PlanTable Create(int actions, int seed = 1)
    {
        var random = new Random(seed);
        string Text(int length)
        {
            var words = new List<string>();
            while (words.Sum(w => w.Length + 1) < length)
                words.Add(Words[random.Next(Words.Length)]);
            return string.Join(' ', words) + ".";
        }

        var sections = new List<PlanTableSection>();
        var number = 0;
        for (var s = 1; number < actions; s++)
        {
            var rows = new List<PlanTableRow>();
            for (var i = 0; i < 50 && number < actions; i++)
            {
                number++;
                var continuation = i > 0 && random.Next(4) == 0;
                rows.Add(new PlanTableRow(
                    number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    continuation ? "" : Text(150),
                    random.Next(3) == 0 ? "HoS & EH lead" : "HoS",
                    Text(200),
                    Dues[random.Next(Dues.Length)],
                    Text(120),
                    Text(150),
                    RatingMix[random.Next(RatingMix.Length)],
                    Text(180)));
            }

            sections.Add(new PlanTableSection($"Section {s}", rows));
        }

        return new PlanTable(new PlanHeader($"Generated plan of {actions} actions", "Children's Social Care", new FinancialYear(2024), "Head of Service", null, null, "Quarterly", null, null, null, null), [], sections);
    }
}
