using System.Text.RegularExpressions;

namespace ServicePlan.Privacy;

/// <summary>
/// Names of children and their families. A capitalised word is read as a name when it is a common first name
/// ("Jayden", "Amira Hussain"), follows Mr/Mrs/Ms/Miss ("Mr Okoye"), follows a word that introduces a child
/// ("sibling Tyrone", "baby Holly"), or comes just before an age ("Kwame (aged 9)"). Names that are also ordinary
/// words ("Will", "May", "Grace", "Amber") need a surname or one of those clues.
/// </summary>
internal static partial class PersonalNames
{
    private static readonly HashSet<string> Titles = new(["Mr", "Mrs", "Ms", "Miss", "Mx", "Master"], StringComparer.Ordinal);

    // A name after these is a place, a public figure or a professional acting in their role, none of them a child's
    // personal data: "St Mary's", "Sir John Cass", "Queen Elizabeth", "Dr Patel", "Cllr Mary Durcan".
    private static readonly HashSet<string> PlaceOrOfficeTitles = new(
        [
            "St", "Saint", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Mount", "Fort", "Port", "Cape", "Lake",
            "Dr", "Prof", "Professor", "Cllr", "Councillor", "Alderman",
        ],
        StringComparer.Ordinal);

    // A run of capitalised words that ends in one of these names a place or body, not a person: "Anna Freud Centre",
    // "Elizabeth Garrett Anderson School", "Harley Street". Surnames such as Hall, Hill and Park are left out on purpose.
    private static readonly HashSet<string> InstitutionWords = new(
        [
            "School", "Academy", "College", "University", "Nursery", "Hospital", "Centre", "Center", "Clinic", "Surgery", "Trust",
            "Foundation", "Charity", "Fund", "Institute", "House", "Estate", "Gardens", "Square", "Road", "Street", "Avenue",
            "Station", "Library", "Church", "Mosque", "Temple", "Synagogue", "Gurdwara", "Museum", "Theatre", "Gallery", "Market",
            "Line", "Award", "Awards", "Prize", "Scheme", "Inquiry", "Act", "Principles", "Building", "Buildings", "Wharf",
            "Embankment", "Palace", "Cathedral", "Chapel", "Primary", "Secondary", "Infants", "Juniors", "Federation", "Society",
            "Association", "Council", "Borough", "Court", "Tower", "Ward", "Unit", "Review", "Report", "Prison",
        ],
        StringComparer.Ordinal);

    // Words that introduce a child by name: "sibling Tyrone", "baby Holly", "young person Grace Adeyemi".
    private static readonly HashSet<string> ClueWords = new(
        [
            "child", "YP", "CYP", "sibling", "siblings", "brother", "sister", "half-brother", "half-sister", "step-brother",
            "step-sister", "stepbrother", "stepsister", "son", "daughter", "stepson", "stepdaughter", "baby", "infant", "toddler",
            "nephew", "niece", "cousin", "grandson", "granddaughter", "mother", "father", "mum", "dad", "grandmother",
            "grandfather", "aunt", "uncle", "twin", "boy", "girl", "pupil", "teenager", "called", "named",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> TwoWordClues = new(["young person", "known as"], StringComparer.OrdinalIgnoreCase);

    // Connecting words inside an organisation's name: "Elizabeth Garrett Anderson School for Girls".
    private static readonly HashSet<string> Connectors = new(["of", "for", "and", "the", "de", "la", "&"], StringComparer.Ordinal);

    public static void Find(TextScan scan)
    {
        var words = scan.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var core = word.Core;
            if (!TextWords.IsCapitalised(core) || scan.IsTaken(word.Start, core.Length))
                continue;

            if (Titles.Contains(core))
            {
                i = TitledName(scan, i);
                continue;
            }

            var kind = GivenNames.Classify(core);
            if (kind != GivenNameKind.NotAName)
                i = GivenName(scan, i, kind);
            else
                UnlistedName(scan, i);
        }
    }

    private static int GivenName(TextScan scan, int i, GivenNameKind kind)
    {
        var words = scan.Words;
        var name = words[i].Core;
        if (AfterPlaceTitle(scan, i) || InstitutionFollows(scan, i))
            return i;

        var last = SurnameEnd(scan, i);
        var fullName = Join(words, i, last);
        if (last > i)
        {
            if (scan.Known.IsFullName(fullName))
                return last;
        }
        else
        {
            if (scan.Known.IsNameWord(name))
                return i;
            if (kind == GivenNameKind.AlsoAWord && ClueBefore(scan, i) is null && !AgeFollows(scan, last))
                return i;
        }

        var start = words[i].Start;
        var length = words[last].CoreEnd - start;
        var clue = ClueBefore(scan, i);
        var reason = last > i
            ? $"Looks like a person's name ({fullName}) that is not one of the plan's people"
            : clue is not null
                ? $"Looks like a child's name ({name}) after \"{clue}\""
                : $"Looks like a child's first name ({name}) that is not one of the plan's people";
        scan.Flag(PersonalDataKind.PersonalName, start, length, reason);
        return last;
    }

    /// <summary>"Mr Okoye", "Mrs Amira Hussain": a courtesy title and the name after it, unless that is one of the plan's people.</summary>
    private static int TitledName(TextScan scan, int i)
    {
        var words = scan.Words;
        var text = scan.Text;
        var next = i + 1;
        if (next >= words.Count)
            return i;
        var gap = text[words[i].End..words[next].Start];
        if (gap is not (" " or ". " or "  ") || !IsNameWord(scan, next))
            return i;

        // "Mrs Amira Hussain": a first name and surname after the title.
        var last = next;
        var possessive = words[next].Core.Length != words[next].Value.Length;
        if (!possessive && next + 1 < words.Count && TextWords.OnlySpaceBetween(text, words[next].End, words[next + 1].Start) &&
            IsNameWord(scan, next + 1) && !InstitutionWords.Contains(words[next + 1].Core))
        {
            last = next + 1;
        }

        var names = Enumerable.Range(next, last - next + 1).Select(k => words[k].Core).ToList();
        if (scan.Known.IsFullName(string.Join(' ', names)) || names.All(scan.Known.IsNameWord))
            return last;

        var start = words[i].Start;
        var found = text[start..words[last].CoreEnd];
        scan.Flag(PersonalDataKind.PersonalName, start, words[last].CoreEnd - start,
            $"Looks like a person's name ({found}) that is not one of the plan's people");
        return last;
    }

    /// <summary>A capitalised word not on the list of first names, but introduced as a child ("brother Kwabena") or given an age ("Kwabena, aged 9").</summary>
    private static void UnlistedName(TextScan scan, int i)
    {
        var words = scan.Words;
        var name = words[i].Core;
        if (CommonWords.Contains(name) || scan.Known.IsNameWord(name) || InstitutionWords.Contains(name))
            return;
        var clue = ClueBefore(scan, i);
        // "an organisation called Inclusive Solutions": a capitalised phrase after "called" is a name of a thing.
        if (clue is not null && IsNamingVerb(clue) && i + 1 < words.Count &&
            TextWords.OnlySpaceBetween(scan.Text, words[i].End, words[i + 1].Start) && char.IsUpper(words[i + 1].Value[0]))
        {
            return;
        }
        string reason;
        if (clue is not null)
            reason = $"Looks like a child's name ({name}) after \"{clue}\"";
        else if (AgeFollows(scan, i) && !AfterPlaceTitle(scan, i))
            reason = $"Looks like a child's name ({name}) followed by their age";
        else
            return;
        scan.Flag(PersonalDataKind.PersonalName, words[i].Start, name.Length, reason);
    }

    /// <summary>The index of the surname after the first name at <paramref name="i"/> ("Amira Hussain"), or <paramref name="i"/> when there is none.</summary>
    private static int SurnameEnd(TextScan scan, int i)
    {
        var words = scan.Words;
        var next = i + 1;
        // "Jayden's Mum": a possessive ends the name.
        if (next >= words.Count || words[i].Core.Length != words[i].Value.Length)
            return i;
        if (!TextWords.OnlySpaceBetween(scan.Text, words[i].End, words[next].Start) || !IsNameWord(scan, next) ||
            InstitutionWords.Contains(words[next].Core))
        {
            return i;
        }
        // Lists of people run together ("Mary Durcan Susan Pearson"): a first name with its own surname after it
        // starts the next person.
        if (GivenNames.Classify(words[next].Core) == GivenNameKind.Name && next + 1 < words.Count &&
            TextWords.OnlySpaceBetween(scan.Text, words[next].End, words[next + 1].Start) && IsNameWord(scan, next + 1))
        {
            return i;
        }
        return next;
    }

    private static bool IsNameWord(TextScan scan, int index)
    {
        var word = scan.Words[index];
        var core = word.Core;
        return TextWords.IsCapitalised(core) && !CommonWords.Contains(core) && !Titles.Contains(core) &&
            !PlaceOrOfficeTitles.Contains(core) && !scan.IsTaken(word.Start, core.Length);
    }

    private static bool AfterPlaceTitle(TextScan scan, int i)
    {
        if (i == 0)
            return false;
        var previous = scan.Words[i - 1];
        var gap = scan.Text[previous.End..scan.Words[i].Start];
        return gap is " " or ". " && PlaceOrOfficeTitles.Contains(previous.Core);
    }

    /// <summary>Whether the capitalised run this word starts goes on to name a place or body ("Anna Freud Centre").</summary>
    private static bool InstitutionFollows(TextScan scan, int i)
    {
        var words = scan.Words;
        for (var k = i + 1; k < words.Count && k <= i + 6; k++)
        {
            var gap = scan.Text[words[k - 1].End..words[k].Start];
            if (gap is not (" " or " & "))
                return false;
            var core = words[k].Core;
            if (InstitutionWords.Contains(core))
                return true;
            if (!char.IsUpper(core[0]) && !Connectors.Contains(core))
                return false;
        }
        return false;
    }

    private static bool IsNamingVerb(string clue) =>
        clue.Equals("called", StringComparison.OrdinalIgnoreCase) || clue.Equals("named", StringComparison.OrdinalIgnoreCase) ||
        clue.StartsWith("known", StringComparison.OrdinalIgnoreCase);

    /// <summary>The word just before that introduces a child ("sibling", "young person", "called"), if there is one.</summary>
    private static string? ClueBefore(TextScan scan, int i)
    {
        if (i == 0)
            return null;
        var words = scan.Words;
        var previous = words[i - 1];
        if (!IsClueGap(scan.Text, previous.End, words[i].Start))
            return null;
        if (i >= 2 && TwoWordClues.Contains(words[i - 2].Value + " " + previous.Value) &&
            TextWords.OnlySpaceBetween(scan.Text, words[i - 2].End, previous.Start))
        {
            return scan.Text[words[i - 2].Start..previous.End];
        }
        return ClueWords.Contains(previous.Value) ? previous.Value : null;
    }

    // "sibling Tyrone", "sibling: Tyrone", "YP, Tyrone".
    private static bool IsClueGap(string text, int end, int start)
    {
        if (start - end is < 1 or > 3)
            return false;
        for (var k = end; k < start; k++)
        {
            if (text[k] is not (' ' or ':' or ','))
                return false;
        }
        return true;
    }

    private static bool AgeFollows(TextScan scan, int last)
    {
        var end = scan.Words[last].CoreEnd;
        var after = scan.Text[end..Math.Min(scan.Text.Length, end + 24)];
        return AgeAfter().IsMatch(after);
    }

    private static string Join(List<TextWord> words, int first, int last) =>
        string.Join(' ', Enumerable.Range(first, last - first + 1).Select(k => words[k].Core));

    // "Jayden (aged 9)", "Fatima, aged 15", "Kwame age 4", "Jayden (9)", "Ava, 6 years old".
    [GeneratedRegex(@"^\s*(?:[(,]?\s*aged?\s*\d|\(\d{1,2}\)|[(,]?\s*\d{1,2}\s*(?:yrs?|years?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeAfter();
}
