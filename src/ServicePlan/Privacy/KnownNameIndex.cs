namespace ServicePlan.Privacy;

/// <summary><see cref="KnownNames"/> prepared once per scan for quick look-ups.</summary>
internal sealed class KnownNameIndex
{
    private readonly HashSet<string> fullNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> nameWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> initials = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> phoneDigits = new(StringComparer.Ordinal);
    // Each word of a known phrase points at the phrases it appears in, so a text is only compared with the phrases it could match.
    private readonly Dictionary<string, List<(string[] Phrase, int Position, int MinimumWords)>> phrasesByWord = new(StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Titles = new(
        ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Cllr", "Councillor", "Sir", "Dame", "Lord", "Lady", "Alderman", "Deputy"],
        StringComparer.OrdinalIgnoreCase);

    public KnownNameIndex(KnownNames known)
    {
        foreach (var person in known.People ?? [])
            AddPerson(person);
        foreach (var organisation in known.Organisations ?? [])
            AddOrganisation(organisation);
        foreach (var email in known.AllowedEmails ?? [])
        {
            if (!string.IsNullOrWhiteSpace(email))
                emails.Add(email.Trim());
        }
        foreach (var phone in known.AllowedPhoneNumbers ?? [])
        {
            var digits = PhoneDigits(phone ?? "");
            if (digits.Length > 0)
                phoneDigits.Add(digits);
        }
    }

    /// <summary>A whole name of one of the plan's people: "Rachel Green".</summary>
    public bool IsFullName(string name) => fullNames.Contains(name);

    /// <summary>A first name or surname of one of the plan's people, so "Heather attending" and "Mrs Smith" pass.</summary>
    public bool IsNameWord(string word) => nameWords.Contains(word);

    /// <summary>Initials of one of the plan's people or a short name of a known organisation: "RG", "HoS", "NSPCC".</summary>
    public bool IsInitials(string letters) => initials.Contains(letters);

    public bool IsAllowedEmail(string email) => emails.Contains(email);

    public bool IsAllowedPhone(string phone) => phoneDigits.Contains(PhoneDigits(phone));

    /// <summary>
    /// Shields every stretch of text that is a known organisation or person, so "Sir John Cass School" is not read as
    /// "John". Part of an organisation's name counts when it is two words or more, because plans shorten names as they
    /// go: "met the head at Sir John Cass".
    /// </summary>
    public void ShieldKnownPhrases(TextScan scan)
    {
        var words = scan.Words;
        if (words.Count == 0)
            return;
        var normalised = words.Select(w => w.Core).ToArray();
        for (var start = 0; start < words.Count; start++)
        {
            if (!phrasesByWord.TryGetValue(normalised[start], out var candidates))
                continue;
            foreach (var (phrase, position, minimumWords) in candidates)
            {
                var length = 0;
                while (start + length < words.Count && position + length < phrase.Length &&
                       string.Equals(normalised[start + length], phrase[position + length], StringComparison.OrdinalIgnoreCase))
                {
                    length++;
                }
                if (length >= minimumWords)
                {
                    var first = words[start];
                    var last = words[start + length - 1];
                    scan.Shield(first.Start, last.End - first.Start);
                }
            }
        }
    }

    public static string PhoneDigits(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (phone.TrimStart().StartsWith('+'))
        {
            // "+44 (0)20 …" and "+44 20 …" are both 020 … at home.
            if (digits.StartsWith("440", StringComparison.Ordinal))
                return digits[2..];
            if (digits.StartsWith("44", StringComparison.Ordinal))
                return "0" + digits[2..];
        }
        return digits;
    }

    private void AddPerson(string? person)
    {
        if (string.IsNullOrWhiteSpace(person))
            return;
        var words = TextWords.Split(person);
        var names = new List<string>();
        foreach (var word in words)
        {
            var value = TextWords.WithoutPossessive(word.Value);
            if (LooksLikeInitials(value))
                initials.Add(value.Replace(".", "", StringComparison.Ordinal));
            else if (char.IsUpper(value[0]) && !Titles.Contains(value.TrimEnd('.')))
                names.Add(value);
        }
        // Dotted initials ("R.G.") split into single letters; read them back as one.
        var letters = person.Where(char.IsLetter).ToArray();
        if (person.Contains('.', StringComparison.Ordinal) && letters.All(char.IsUpper) && letters.Length is >= 2 and <= 4)
            initials.Add(new string(letters));

        if (names.Count == 0)
            return;
        foreach (var name in names)
            nameWords.Add(name);
        if (names.Count >= 2)
        {
            fullNames.Add(string.Join(' ', names));
            AddPhrase([.. names], minimumWords: names.Count);
            initials.Add(string.Concat(names.Select(n => char.ToUpperInvariant(n[0]))));
            initials.Add($"{char.ToUpperInvariant(names[0][0])}{char.ToUpperInvariant(names[^1][0])}");
        }
    }

    private void AddOrganisation(string? organisation)
    {
        if (string.IsNullOrWhiteSpace(organisation))
            return;
        var words = TextWords.Split(organisation).Select(w => w.Core).ToArray();
        if (words.Length == 0)
            return;
        AddPhrase(words, minimumWords: Math.Min(2, words.Length));
        if (words.Length == 1 && LooksLikeInitials(organisation.Trim()))
            initials.Add(organisation.Trim());
    }

    private void AddPhrase(string[] phrase, int minimumWords)
    {
        for (var position = 0; position < phrase.Length; position++)
        {
            if (!phrasesByWord.TryGetValue(phrase[position], out var list))
                phrasesByWord[phrase[position]] = list = [];
            list.Add((phrase, position, minimumWords));
        }
    }

    private static bool LooksLikeInitials(string word) =>
        word.Length is >= 1 and <= 6 && word.Count(char.IsUpper) >= Math.Min(2, word.Length) && !TextWords.IsCapitalised(word);
}
