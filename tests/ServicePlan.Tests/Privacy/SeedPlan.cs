using ServicePlan.Privacy;

namespace ServicePlan.Tests.Privacy;

/// <summary>The people and organisations of the real plans in the seeds, as a plan owner would enter them.</summary>
internal static class SeedPlan
{
    // Seed 003's "People involved in delivering the plan" (names and initials), its Lead column, the staff its comments
    // name, and seed 002's author. First names alone ("Roxanne") are how the comments refer to colleagues.
    public static readonly string[] People =
    [
        "Rachel Green", "RG", "Heather Smith", "HS", "Amanda Morres", "AM", "Sadie Carnegie", "SC", "SaC", "HK",
        "Rachel Talmage", "HoS", "Chris Pelham", "Theresa Shortland", "Anna Jones", "Clare Yassin", "Roxanne", "Roxi",
        "Georgina", "Sharon C", "Rory", "Kim",
    ];

    public static readonly string[] Organisations =
    [
        "Action for Children", "Sir John Cass School", "City of London", "Red Cross", "Hackney", "Tower Hamlets", "Coram",
        "Tavistock", "Safer London", "Refugee Council", "Sudanese Centre", "Shepherds Bush", "Croydon",
    ];

    public static readonly KnownNames Known = new(People, Organisations, ["rachel.green@cityoflondon.gov.uk"]);

    public static IReadOnlyList<PersonalDataFlag> Scan(string text, KnownNames? known = null)
    {
        var flags = PersonalDataCheck.Scan([new TextToPublish("Test text", text)], known ?? Known);
        foreach (var flag in flags)
            Assert.Equal(flag.Found, text.Substring(flag.Start, flag.Length));
        return flags;
    }

    public static string Describe(IEnumerable<PersonalDataFlag> flags) =>
        string.Join("; ", flags.Select(f => $"{f.Kind} \"{f.Found}\" ({f.Reason})"));
}
