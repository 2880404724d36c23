namespace ServicePlan.People;

/// <summary>A person as a plan names them: a name ("Head of Service", "Rachel Green"), initials ("HoS", "RG"), maybe a role.</summary>
public sealed record NamedPerson(string Name, string Initials, string? Role = null);

/// <summary>A person of another plan of the organisation with the account they are linked to.</summary>
public sealed record LinkedPerson(string Name, string Initials, string UserId);

/// <summary>
/// How plans name people, which real sheets do loosely: "HOS", "HoS", "hos", "HOS (HOS)" and "Head of Service (HoS)" are
/// one person; "management team" is the "CSC &amp; EH Management Team". Plain rules, shared by the importer, the lead
/// matcher and the people pages.
/// </summary>
public static class PersonNames
{
    /// <summary>Words a team's name ends with: the end of its name ("management team") is enough to name it.</summary>
    private static readonly HashSet<string> TeamWords = new(StringComparer.OrdinalIgnoreCase) { "team", "group", "board", "panel", "partnership", "forum", "committee" };

    /// <summary>Words written in lower case in initials, as services write them: "Head of Service" is "HoS".</summary>
    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase) { "of", "and", "the", "for", "in", "to" };

    /// <summary>What two names are compared by: case and spaces ignored, a trailing full stop or colon too.</summary>
    public static string Key(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c))).TrimEnd('.', ':').ToUpperInvariant();

    /// <summary>Spaces tidied: trimmed, and runs of spaces (or line breaks) made one.</summary>
    public static string Tidy(string? text) =>
        string.Join(' ', (text ?? "").Split((char[])[' ', '\t', '\n', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>"Head of Service (HoS)" is the name and its initials; text without a bracket at its end has no initials.</summary>
    public static (string Name, string? Initials) SplitBracketed(string? text)
    {
        var tidy = Tidy(text);
        var open = tidy.LastIndexOf('(');
        if (open > 0 && tidy.EndsWith(')') && tidy.Length - open > 2)
        {
            var name = tidy[..open].Trim();
            var initials = tidy[(open + 1)..^1].Trim();
            if (name.Length > 0 && initials.Length > 0 && !initials.Contains(' ', StringComparison.Ordinal))
                return (name, initials);
        }

        return (tidy, null);
    }

    /// <summary>
    /// The initials a service would write for a name: each word's first letter, small words in lower case ("HoS"), a
    /// word already in capitals kept whole ("EH lead" is "EHL"); symbols are left out.
    /// </summary>
    public static string InitialsOf(string? name)
    {
        var words = Tidy(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetterOrDigit(w[0])).ToList();
        return string.Concat(words.Select(w =>
            w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? w
            : SmallWords.Contains(w) && words.Count > 1 ? char.ToLowerInvariant(w[0]).ToString()
            : char.ToUpperInvariant(w[0]).ToString()));
    }

    /// <summary>Whether a one-word text ("HOS", "hos") is the initials of a name of several words ("Head of Service").</summary>
    public static bool Abbreviates(string? abbreviation, string? name)
    {
        var shortText = Tidy(abbreviation);
        var words = Tidy(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return shortText.Length > 1 && !shortText.Contains(' ', StringComparison.Ordinal) && words.Length > 1 && Key(shortText) == Key(InitialsOf(name));
    }

    /// <summary>Whether a text of two or more words ending in a team word is the end of a longer team's name: "management team" of "CSC &amp; EH Management Team".</summary>
    public static bool NamesTheEndOf(string? text, string? teamName)
    {
        var words = Words(text);
        var team = Words(teamName);
        return words.Length >= 2 && team.Length > words.Length && TeamWords.Contains(words[^1]) &&
            team[^words.Length..].Select(w => w.ToUpperInvariant()).SequenceEqual(words.Select(w => w.ToUpperInvariant()));
    }

    /// <summary>Whether the text names the person: their initials, name or role, "Name (Initials)", their name's initials, or the end of a team's name.</summary>
    public static bool Names(string? text, string name, string initials, string? role)
    {
        var (bracketName, bracketInitials) = SplitBracketed(text);
        if (bracketInitials is not null)
            return Names(bracketName, name, initials, role) || Names(bracketInitials, name, initials, role);
        var wanted = Key(text);
        return wanted.Length > 0 &&
            (Key(initials) == wanted || Key(name) == wanted || Key(role) == wanted || Abbreviates(text, name) || NamesTheEndOf(text, name));
    }

    /// <summary>
    /// Whether two entries are one person: the same name; or one named only by initials ("HOS") that are the other's
    /// initials or the initials of the other's name. Two different full names are two people even with the same initials.
    /// </summary>
    public static bool Same(NamedPerson a, NamedPerson b)
    {
        if (Key(a.Name) == Key(b.Name))
            return true;
        return (NamedByInitials(a) && (Key(a.Initials) == Key(b.Initials) || Abbreviates(a.Initials, b.Name)))
            || (NamedByInitials(b) && (Key(b.Initials) == Key(a.Initials) || Abbreviates(b.Initials, a.Name)));
    }

    /// <summary>A person the plan names only by initials or a short form: "HOS" for both.</summary>
    public static bool NamedByInitials(NamedPerson person) => Key(person.Name) == Key(person.Initials);

    /// <summary>
    /// One entry per person, in the order first named: entries that are <see cref="Same"/> become one, with the fullest
    /// name, the initials as written with it (or, of those written alone, the one matching the name's initials), and any role.
    /// </summary>
    public static IReadOnlyList<NamedPerson> Distinct(IEnumerable<NamedPerson> people)
    {
        var groups = new List<List<NamedPerson>>();
        foreach (var entry in people.Select(Normalise).Where(p => p.Name.Length > 0))
        {
            var found = groups.Where(g => g.Any(other => Same(entry, other))).ToList();
            if (found.Count == 0)
            {
                groups.Add([entry]);
                continue;
            }

            // The entry may join two groups into one: "HoS" joins "HOS" and "Head of Service".
            found[0].Add(entry);
            foreach (var other in found.Skip(1))
            {
                found[0].AddRange(other);
                groups.Remove(other);
            }
        }

        return groups.Select(Combine).ToList();
    }

    /// <summary>
    /// The account a new person takes from the organisation's other plans: that of the people of the same name, else of
    /// the same initials (or one named by initials that abbreviate the other's name); none when those disagree.
    /// </summary>
    public static string? AccountFor(NamedPerson person, IEnumerable<LinkedPerson> linked)
    {
        var candidates = linked.ToList();
        var byName = candidates.Where(l => Key(l.Name) == Key(person.Name)).Select(l => l.UserId).Distinct().ToList();
        if (byName.Count > 0)
            return byName.Count == 1 ? byName[0] : null;
        var byInitials = candidates
            .Where(l => Key(l.Initials) == Key(person.Initials) || Same(person, new NamedPerson(l.Name, l.Initials)))
            .Select(l => l.UserId).Distinct().ToList();
        return byInitials.Count == 1 ? byInitials[0] : null;
    }

    /// <summary>Tidied, with "Name (Initials)" taken apart and the initials of a name given alone worked out.</summary>
    public static NamedPerson Normalise(NamedPerson person)
    {
        var (name, bracketed) = SplitBracketed(person.Name);
        var initials = Tidy(bracketed ?? person.Initials);
        if (initials.Length == 0 || Key(initials) == Key(person.Name))
            initials = bracketed ?? (name.Contains(' ', StringComparison.Ordinal) && InitialsOf(name) is { Length: >= 2 and <= 6 } made ? made : name);
        var role = Tidy(person.Role);
        return new NamedPerson(name, initials, role.Length == 0 ? null : role);
    }

    private static NamedPerson Combine(List<NamedPerson> group)
    {
        var full = group.Where(p => !NamedByInitials(p)).ToList();
        var name = full.FirstOrDefault()?.Name ?? group[0].Name;
        var written = group.Where(NamedByInitials).Select(p => p.Initials).ToList();
        var initials = written.FirstOrDefault(w => w == InitialsOf(name)) ?? full.FirstOrDefault()?.Initials ?? written.FirstOrDefault() ?? group[0].Initials;
        return new NamedPerson(name, initials, group.Select(p => p.Role).FirstOrDefault(r => r is not null));
    }

    /// <summary>What joins several leads in one "Who?" cell.</summary>
    public static readonly string[] Separators = ["&", ",", "/", ";", "+", " and "];

    /// <summary>
    /// The people a sheet with no list of people names in its "Who?" cells, one each: a cell of several leads is split,
    /// unless it is one team's name ("CSC &amp; EH Management Team": it ends with a team word and none of its parts leads
    /// anything alone); "HOS", "hos" and "Head of Service" are one person, "management team" is that team.
    /// </summary>
    public static IReadOnlyList<NamedPerson> FromLeads(IEnumerable<string> whoTexts)
    {
        var cells = whoTexts.Select(Tidy).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var alone = cells.Where(c => Parts(c).Length == 1).Select(c => new NamedPerson(c, c)).Select(Normalise).ToList();
        var named = new List<string>();
        foreach (var cell in cells)
        {
            var parts = Parts(cell);
            var team = parts.Length > 1 && TeamWords.Contains(Words(parts[^1]).LastOrDefault() ?? "") &&
                !parts.Any(part => alone.Any(person => Names(part, person.Name, person.Initials, null)));
            named.AddRange(team ? [cell] : parts);
        }

        // "management team" is the team named in full elsewhere, not a person of its own.
        var teams = named.Where(n => Parts(n).Length > 1).ToList();
        var people = named.Where(n => n.Length <= 60)
            .Select(n => teams.FirstOrDefault(t => NamesTheEndOf(n, t)) ?? n)
            .Select(n => new NamedPerson(n, n));
        return Distinct(people);
    }

    private static string[] Parts(string who) => who.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Words(string? text) =>
        Tidy(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ':', ',')).Where(w => w.Length > 0).ToArray();
}
