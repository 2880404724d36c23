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

    // Small words inside a name: "Dafydd ap Rhys", "Siobhán Ní Bhriain", "Ahmad bin Yusuf", "Anh van Dijk".
    private static readonly HashSet<string> NameParticles = new(
        ["ap", "bin", "binti", "bint", "ibn", "van", "von", "der", "den", "de", "da", "dos", "del", "di", "du", "le", "al", "el", "ul", "Ó", "Ní", "Nic", "Mac", "Ua", "Al", "El"],
        StringComparer.Ordinal);

    // Surnames that are also English words. They are read as a surname after a first name ("Ivy Brown") even when the
    // first name is a word too ("Summer Green"), where other words make a heading ("Summer Programme").
    private static readonly HashSet<string> Surnames = new(
        [
            "Brown", "Green", "King", "Young", "White", "Black", "Wood", "Hill", "Hall", "Moore", "Cook", "Baker", "Bell", "Ward",
            "Turner", "Walker", "Wright", "Clark", "Clarke", "Shaw", "Mason", "Hunter", "Rose", "Fox", "Webb", "Lamb", "Parker",
            "Price", "Wells", "Stone", "Marsh", "Little", "Long", "Bird", "Fisher", "Carter", "Cooper", "Miller", "Porter",
            "Potter", "Butler", "Chambers", "Banks", "Bishop", "Sharp", "Gold", "Bond", "Page", "Booth", "Burns", "Holmes", "Rice",
            "Summers", "Frost", "Snow", "Love", "Grant", "Nash", "Cole", "Smith", "Taylor", "Jones", "Lane", "Knight", "Palmer",
            "Hope", "Grace", "Joy", "Sweet", "Pearl", "Bright", "Best", "Swift", "Field", "Fields", "Brook", "Brooks", "Rivers",
        ],
        StringComparer.Ordinal);

    // Words after a name that say a person is meant, at any place in a sentence: "Grace said", "Summer moved placement".
    private static readonly HashSet<string> PersonVerbs = new(
        [
            "said", "says", "told", "tells", "feels", "felt", "wants", "wanted", "enjoys", "enjoyed", "attended", "attends", "moved",
            "missed", "disclosed", "spoke", "stayed", "returned", "lives", "lived", "likes", "liked", "loves", "loved", "went",
            "ran", "settled", "refused", "chose", "spent", "cried", "smiled", "laughed", "asked", "shared", "explained", "described",
            "admitted", "denied", "reported", "agreed", "declined", "struggles", "struggled", "thrives", "engaged", "engages",
            "absconded", "arrived", "turned", "became", "visits", "sees", "saw", "met", "played", "plays", "started", "joined",
        ],
        StringComparer.Ordinal);

    // Words after a capitalised word-name in mid-sentence, where a heading or season would not stand: "visit to Hope was".
    private static readonly HashSet<string> PersonVerbsMidSentence = new(
        ["is", "was", "has", "had", "will", "would", "can", "could", "did", "does", "now", "also", "remains", "continues", "needs", "seems", "appears", "and"],
        StringComparer.Ordinal);

    // Words before a name that say a person is meant: "visited Grace", "with Summer", "for Hope".
    private static readonly HashSet<string> WordsBeforeAPerson = new(
        [
            "visited", "visit", "visiting", "saw", "seen", "see", "seeing", "met", "meet", "meeting", "with", "for", "to", "told",
            "tell", "asked", "ask", "supported", "support", "supporting", "placed", "collected", "contacted", "phoned", "called",
            "accompanied", "and", "or", "said", "says", "from", "by", "about", "between", "encouraged", "helped", "help", "helping",
            "took", "take", "taking", "gave", "give", "invited", "reminded", "praised", "thanked", "congratulated", "referred",
            "brought", "bring", "joined", "including", "like", "that", "whom", "when", "while", "as", "because", "after", "before",
            "if", "but", "so", "where", "how", "spoke", "speak", "spoken", "heard", "hear", "involving", "involved", "ensure", "ensured",
        ],
        StringComparer.Ordinal);

    // Verbs whose object is a person, strong enough for any capitalised word after them: "visited Summer", "saw Honey".
    private static readonly HashSet<string> ContactVerbs = new(
        ["visited", "saw", "seen", "met", "told", "asked", "phoned", "collected", "supported", "accompanied", "took", "placed", "encouraged", "praised", "thanked", "reminded", "invited"],
        StringComparer.Ordinal);

    // Months and seasons are written with a capital and follow "from", "by" and "in" all the time.
    private static readonly HashSet<string> CalendarWords = new(
        ["January", "Jan", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Summer", "Autumn", "Winter", "Spring"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> FamilyWords = new(
        ["family", "families", "children", "siblings", "household", "twins", "brothers", "sisters", "boys", "girls"],
        StringComparer.Ordinal);

    // After a possessive, a person's family or carers: "Green's mum", "Preston's foster carer".
    private static readonly HashSet<string> KinWords = new(
        [
            "mum", "mother", "dad", "father", "parents", "parent", "carer", "carers", "foster", "nan", "nana", "nanny", "gran",
            "grandmother", "grandma", "grandad", "grandfather", "aunt", "auntie", "aunty", "uncle", "brother", "sister", "siblings",
            "sibling", "cousin", "stepmum", "stepdad", "stepfather", "stepmother", "boyfriend", "girlfriend", "baby", "son",
            "daughter", "birthday", "friend", "friends", "family", "social", "school", "placement", "key", "mentor", "keyworker",
        ],
        StringComparer.Ordinal);

    public static void Find(TextScan scan)
    {
        var words = scan.Words;
        var shapes = new NameShape[words.Count];
        for (var i = 0; i < words.Count; i++)
            shapes[i] = ShapeOf(scan, i);

        var found = new List<(int First, int Last)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (shapes[i] == NameShape.Lower || scan.IsTaken(words[i].Start, words[i].Core.Length))
                continue;
            if (shapes[i] == NameShape.Title)
            {
                var flagsBefore = scan.Flags.Count;
                var end = TitledName(scan, i);
                if (scan.Flags.Count > flagsBefore)
                    found.Add((i, end));
                i = end;
                continue;
            }
            var last = RunEnd(scan, shapes, i);
            if (FindInRun(scan, shapes, i, last) is { } name)
                found.Add(name);
            i = last;
        }
        FindNamesNextToNames(scan, shapes, found);
    }

    /// <summary>What a word looks like on its own, before the sentence around it is read.</summary>
    private static NameShape ShapeOf(TextScan scan, int i)
    {
        var core = scan.Words[i].Core;
        if (!TextWords.IsCapitalised(core))
            return NameShape.Lower;
        if (Titles.Contains(core))
            return NameShape.Title;
        // A role the plan lists as one of its people ("Service Manager") does not make "Manager" a name elsewhere.
        if (scan.Known.IsNameWord(core) && !CommonWords.Contains(core))
            return NameShape.PlansPerson;
        if (PlaceOrOfficeTitles.Contains(core) || InstitutionWords.Contains(core))
            return NameShape.Thing;
        var given = GivenNames.Classify(core);
        if (given == GivenNameKind.Name)
            return NameShape.GivenName;
        if (given == GivenNameKind.AlsoAWord)
            return NameShape.NameAndWord;
        if (Surnames.Contains(core))
            return NameShape.SurnameAndWord;
        if (CommonWords.Contains(core) || ServiceAcronyms.Contains(core))
            return NameShape.Thing;
        if (EnglishWords.Contains(core))
            return NameShape.Word;
        if (PlaceNames.Contains(core))
            return NameShape.Place;
        return IsOddlyWrittenWord(scan, i) ? NameShape.Thing : NameShape.Unknown;
    }

    /// <summary>
    /// Text copied from spreadsheets and PDFs has words cut by cell and line breaks ("Complet ed", "Independ"), typed in
    /// a hurry ("Peformance") or shortened ("Op", "Co"): none of them is a name for its shape.
    /// </summary>
    private static bool IsOddlyWrittenWord(TextScan scan, int i)
    {
        var words = scan.Words;
        var core = words[i].Core;
        if ((core.Length <= 2 && core.All(char.IsAscii)) || EnglishWords.IsMistypedWord(core))
            return true;
        if (i + 1 < words.Count && words[i + 1].Start - words[i].End <= 2 && char.IsLower(words[i + 1].Value[0]) &&
            EnglishWords.IsBrokenWord(core, words[i + 1].Value))
        {
            return true;
        }
        var cutOff = scan.Text.AsSpan(words[i].End).IsWhiteSpace();
        return cutOff && !IsPossessive(words[i]) && EnglishWords.IsStartOfAWord(core);
    }

    /// <summary>
    /// The last word of the run of capitalised words that starts at <paramref name="first"/>: "Nguyễn Thị Hương",
    /// "Dafydd ap Rhys", "Waltham Forest". A possessive ends it ("Amira's Mum"), and so does a first name that has its own
    /// surname after it, since lists of people run together ("Mary Durcan Susan Pearson").
    /// </summary>
    private static int RunEnd(TextScan scan, NameShape[] shapes, int first)
    {
        var words = scan.Words;
        var last = first;
        while (last - first < 3 && !IsPossessive(words[last]))
        {
            var next = last + 1;
            if (next < words.Count && NameParticles.Contains(words[next].Value) && next + 1 < words.Count &&
                TextWords.OnlySpaceBetween(scan.Text, words[last].End, words[next].Start))
            {
                next++;
            }
            if (next >= words.Count || !TextWords.OnlySpaceBetween(scan.Text, words[next - 1].End, words[next].Start) ||
                shapes[next] is NameShape.Lower or NameShape.Title || scan.IsTaken(words[next].Start, words[next].Core.Length))
            {
                break;
            }
            if (next > first + 1 && shapes[next] == NameShape.GivenName && next + 1 < words.Count &&
                shapes[next + 1] is not (NameShape.Lower or NameShape.Title) &&
                TextWords.OnlySpaceBetween(scan.Text, words[next].End, words[next + 1].Start))
            {
                break;
            }
            last = next;
        }
        return last;
    }

    /// <summary>Reads one run of capitalised words as a person's name, a name of a thing, or nothing; flags a name.</summary>
    private static (int First, int Last)? FindInRun(TextScan scan, NameShape[] shapes, int first, int last)
    {
        var words = scan.Words;
        // A sentence's first word is capitalised whatever it is: "Visited Wojciech" is a visit to Wojciech.
        while (first < last && SentenceStarts(scan, first) && (shapes[first] == NameShape.Thing || (shapes[first] == NameShape.Word && OpensASentence(words[first].Core))))
            first++;

        // A first name makes the words after it a surname, even an English word ("Tyrone Fletcher"); otherwise a run
        // with an English word in it is the name of a thing ("Waltham Forest", "Summer Programme").
        // A surname makes the words before it first names ("Melody Rahimi"), and a sentence that says person makes a
        // word one ("Poppy Begum's mum").
        var firstName = shapes[first] is NameShape.GivenName or NameShape.Unknown or NameShape.PlansPerson ||
            (first < last && (shapes[last] is NameShape.Unknown or NameShape.GivenName ||
                (shapes[first] == NameShape.NameAndWord && (AgeFollows(scan, last) || PersonCue(scan, shapes, first, last) is not null))));
        var people = 0;
        for (var k = first; k <= last; k++)
        {
            var surname = firstName && k > first;
            // After a first name, "King" and a word that only looks mistyped ("Shortland") are surnames; "School" is not.
            var core = words[k].Core;
            var surnameAllowed = surname && (Surnames.Contains(core) ||
                !(InstitutionWords.Contains(core) || CommonWords.Contains(core) || ServiceAcronyms.Contains(core) || PlaceOrOfficeTitles.Contains(core)));
            if (first < last && ((shapes[k] == NameShape.Thing && !surnameAllowed) ||
                (shapes[k] == NameShape.Word && !firstName)))
            {
                return null;
            }
            if (shapes[k] is NameShape.GivenName or NameShape.NameAndWord or NameShape.Unknown or NameShape.PlansPerson)
                people++;
        }
        if (AfterPlaceTitle(scan, first) || InstitutionFollows(scan, last) || (people == 0 && first < last) || shapes[first] == NameShape.Thing)
            return null;

        if (first < last)
        {
            var fullName = Join(words, first, last);
            if (scan.Known.IsFullName(fullName))
                return null;
            // "Summer Rose" and "Hope Young" in a heading are two words; a person when the sentence says so.
            if (Enumerable.Range(first, last - first + 1).All(k => shapes[k] is NameShape.NameAndWord or NameShape.SurnameAndWord or NameShape.Place) &&
                PersonCue(scan, shapes, first, last) is null && SentenceStarts(scan, first) && !AgeFollows(scan, last))
            {
                return null;
            }
            return Flag(scan, first, last, $"Looks like a person's name ({fullName}) that is not one of the plan's people");
        }

        var name = words[first].Core;
        var clue = ClueBefore(scan, first);
        if (clue is not null)
        {
            // "an organisation called Inclusive Solutions": a capitalised phrase after "called" is a name of a thing.
            if (IsNamingVerb(clue) && first + 1 < words.Count && shapes[first + 1] is not NameShape.Lower &&
                TextWords.OnlySpaceBetween(scan.Text, words[first].End, words[first + 1].Start))
            {
                return null;
            }
            return shapes[first] == NameShape.PlansPerson ? null : Flag(scan, first, first, $"Looks like a child's name ({name}) after \"{clue}\"");
        }
        if (AgeFollows(scan, first) && shapes[first] != NameShape.PlansPerson)
            return Flag(scan, first, first, $"Looks like a child's name ({name}) followed by their age");

        switch (shapes[first])
        {
            case NameShape.GivenName:
                return Flag(scan, first, first, $"Looks like a child's first name ({name}) that is not one of the plan's people");
            case NameShape.Unknown when !AfterArticle(scan, first) || FamilyFollows(scan, first):
                return Flag(scan, first, first, $"Looks like a person's name ({name}): a capitalised word that is not an English word, a known place or one of the plan's people");
            case NameShape.NameAndWord or NameShape.Word when PersonCue(scan, shapes, first, first) is { } cue:
                return Flag(scan, first, first, $"Looks like a person's name ({name}) {cue}");
            case NameShape.SurnameAndWord or NameShape.Place or NameShape.Word when KinFollows(scan, first):
                return Flag(scan, first, first, $"Looks like a person's name ({name}) before \"'s {words[first + 1].Value}\"");
            default:
                return null;
        }
    }

    /// <summary>
    /// What in the sentence says a word that is also an English word is a person's name, in words for the reason: "Summer's
    /// mum", "visited Grace", "Hope said". At the start of a sentence only what follows counts, so "Hope is that…" passes.
    /// </summary>
    private static string? PersonCue(TextScan scan, NameShape[] shapes, int first, int last)
    {
        var words = scan.Words;
        var start = SentenceStarts(scan, first);
        // An English word that is not a known name ("Honey", "Heaven") needs the clearest clues, and never after "the".
        var plainWord = shapes[first] == NameShape.Word && first == last;
        if (plainWord && (start || AfterArticle(scan, first)))
            return null;
        var calendar = first == last && CalendarWords.Contains(words[first].Core);
        var loose = !plainWord && !calendar;
        if (IsPossessive(words[last]) && shapes[last] != NameShape.Place)
        {
            return last + 1 < words.Count && !SentenceStarts(scan, last + 1) && (!calendar || KinWords.Contains(words[last + 1].Value))
                ? $"before \"'s {words[last + 1].Value}\""
                : null;
        }
        var next = last + 1 < words.Count && TextWords.OnlySpaceBetween(scan.Text, words[last].End, words[last + 1].Start)
            ? words[last + 1].Value
            : null;
        if (next is not null && PersonVerbs.Contains(next) && !plainWord)
            return $"before \"{next}\"";
        // "Sunny and her brother": a person's own family after "and".
        if (next == "and" && last + 2 < words.Count && words[last + 2].Value is "her" or "his" or "their")
            return $"before \"and {words[last + 2].Value}\"";
        if (start)
            return null;
        if (loose && next is not null && PersonVerbsMidSentence.Contains(next))
            return $"before \"{next}\"";
        var previous = words[first - 1];
        if (TextWords.OnlySpaceBetween(scan.Text, previous.End, words[first].Start) &&
            (ContactVerbs.Contains(previous.Value) || (loose && WordsBeforeAPerson.Contains(previous.Value))))
        {
            return $"after \"{previous.Value}\"";
        }
        return null;
    }

    /// <summary>
    /// "Olivia and Summer", "Grace, Hope and Tyrone": a word that is also a name, next to a name already found, is one too.
    /// </summary>
    private static void FindNamesNextToNames(TextScan scan, NameShape[] shapes, List<(int First, int Last)> found)
    {
        var words = scan.Words;
        for (var n = 0; n < found.Count; n++)
        {
            var (first, last) = found[n];
            foreach (var k in (ReadOnlySpan<int>)[last + 2, first - 2, last + 1, first - 1])
            {
                if (k < 0 || k >= words.Count || shapes[k] is not (NameShape.NameAndWord or NameShape.SurnameAndWord) ||
                    scan.IsTaken(words[k].Start, words[k].Core.Length))
                {
                    continue;
                }
                var (before, after) = k > last ? (last, k) : (k, first);
                var between = scan.Text[words[before].End..words[after].Start];
                var joined = after - before == 2 ? (words[before + 1].Value is "and" or "or" or "&" && between.Length <= 5) : between is ", " or " & ";
                if (!joined || (k > last && RunEnd(scan, shapes, k) != k))
                    continue;
                if (Flag(scan, k, k, $"Looks like a person's name ({words[k].Core}) next to another name") is { } name)
                    found.Add(name);
            }
        }
    }

    private static (int, int)? Flag(TextScan scan, int first, int last, string reason)
    {
        var start = scan.Words[first].Start;
        return scan.Flag(PersonalDataKind.PersonalName, start, scan.Words[last].CoreEnd - start, reason) ? (first, last) : null;
    }

    /// <summary>Whether a word begins a sentence, a heading, a list item or a cell, where any word has a capital.</summary>
    private static bool SentenceStarts(TextScan scan, int i)
    {
        if (i == 0)
            return true;
        var gap = scan.Text.AsSpan(scan.Words[i - 1].End, scan.Words[i].Start - scan.Words[i - 1].End);
        foreach (var c in gap)
        {
            if (c is '.' or '!' or '?' or ':' or ';' or '\n' or '\r' or '\t' or '•' or '–' or '—' or '-' or '*' or '#' or '|' or '"' or '“' ||
                char.IsAsciiDigit(c))
            {
                return true;
            }
        }
        return false;
    }

    // "Visited Wojciech", "Supported Amira": the first word of a sentence is left out of a name when it reads as a verb or
    // a plural, or is a word of plans; "Melody Uddin" keeps its first name.
    private static bool OpensASentence(string word) =>
        CommonWords.Contains(word) || ContactVerbs.Contains(word.ToLowerInvariant()) || WordsBeforeAPerson.Contains(word.ToLowerInvariant()) ||
        word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith('s');

    private static bool IsPossessive(TextWord word) => word.Core.Length != word.Value.Length;

    // "the Barbican", "a Nowak": after an article a capitalised word names a thing, unless a family follows ("the Nowak family").
    private static bool AfterArticle(TextScan scan, int i) =>
        i > 0 && scan.Words[i - 1].Value is "the" or "The" or "a" or "an" && TextWords.OnlySpaceBetween(scan.Text, scan.Words[i - 1].End, scan.Words[i].Start);

    private static bool FamilyFollows(TextScan scan, int i) =>
        i + 1 < scan.Words.Count && FamilyWords.Contains(scan.Words[i + 1].Value);

    // "Green's mum", "Preston's foster carer".
    private static bool KinFollows(TextScan scan, int i) =>
        IsPossessive(scan.Words[i]) && i + 1 < scan.Words.Count && KinWords.Contains(scan.Words[i + 1].Value);

    /// <summary>"Mr Okoye", "Mrs Amira Hussain": a courtesy title and the name after it, unless that is one of the plan's people.</summary>
    private static int TitledName(TextScan scan, int i)
    {
        var words = scan.Words;
        var text = scan.Text;
        var next = i + 1;
        if (next >= words.Count)
            return i;
        var gap = text[words[i].End..words[next].Start];
        if (gap is not (" " or ". " or "  ") || !IsTitledNameWord(scan, next))
            return i;

        // "Mrs Amira Hussain": a first name and surname after the title.
        var last = next;
        var possessive = words[next].Core.Length != words[next].Value.Length;
        if (!possessive && next + 1 < words.Count && TextWords.OnlySpaceBetween(text, words[next].End, words[next + 1].Start) &&
            IsTitledNameWord(scan, next + 1) && !InstitutionWords.Contains(words[next + 1].Core))
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

    // After a title a word is a surname even when it is also a word: "Mr Green", "Mrs Young", "Mr King".
    private static bool IsTitledNameWord(TextScan scan, int index)
    {
        var word = scan.Words[index];
        var core = word.Core;
        return TextWords.IsCapitalised(core) && (!(CommonWords.Contains(core) || PlaceOrOfficeTitles.Contains(core)) || Surnames.Contains(core)) &&
            !Titles.Contains(core) && !scan.IsTaken(word.Start, core.Length);
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

    // "sibling Tyrone", "sibling: Tyrone", "YP, Tyrone", "young person (Tyrone)".
    private static bool IsClueGap(string text, int end, int start)
    {
        if (start - end is < 1 or > 3)
            return false;
        for (var k = end; k < start; k++)
        {
            if (text[k] is not (' ' or ':' or ',' or '('))
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

    // "Jayden (aged 9)", "Fatima, aged 15", "Kwame age 4", "Jayden (9)", "Ava, 6 years old", "Kwame, 15,".
    [GeneratedRegex(@"^\s*(?:[(,]?\s*aged?\s*\d|\(\d{1,2}\)|,\s*\d{1,2}\s*[,)]|[(,]?\s*\d{1,2}\s*(?:yrs?|years?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeAfter();
}

/// <summary>What a capitalised word looks like on its own; the sentence around it decides.</summary>
internal enum NameShape
{
    /// <summary>Not written like a name: lower-case, an acronym, a single letter.</summary>
    Lower,

    /// <summary>Mr, Mrs, Ms, Miss, Mx, Master.</summary>
    Title,

    /// <summary>A first name or surname of one of the plan's people.</summary>
    PlansPerson,

    /// <summary>A word of plans and places: "School", "Council", "Ofsted", "Sir".</summary>
    Thing,

    /// <summary>An English word: "Safeguarding", "Forest".</summary>
    Word,

    /// <summary>An English word that is a common surname: "Brown", "Green", "King".</summary>
    SurnameAndWord,

    /// <summary>A place: "Islington", "Eritrea", "Sudanese".</summary>
    Place,

    /// <summary>A common first name that is also a word: "Grace", "Summer", "Will".</summary>
    NameAndWord,

    /// <summary>A common first name: "Jayden", "Amira".</summary>
    GivenName,

    /// <summary>Not an English word, a known place or anyone's known name: by its shape, a name.</summary>
    Unknown,
}
