namespace ServicePlan.Privacy;

/// <summary>
/// One text being checked. Detectors run from the most specific (an e-mail address) to the least (a lone first name),
/// and a stretch of text flagged once is not flagged again, so "kacper.nowak@gmail.com" is one e-mail flag, not a name too.
/// </summary>
internal sealed class TextScan(TextToPublish source, KnownNameIndex known)
{
    private readonly List<(int Start, int End)> claimed = [];
    private readonly List<(int Start, int End)> shielded = [];
    private readonly List<(int Start, int End)> webAddresses = [];
    private List<TextWord>? words;

    public string Text { get; } = source.Text ?? "";

    public KnownNameIndex Known { get; } = known;

    public List<PersonalDataFlag> Flags { get; } = [];

    public List<TextWord> Words => words ??= TextWords.Split(Text);

    /// <summary>How many digits the text has: most detectors need four or more, and most comments have fewer.</summary>
    public int DigitCount { get; } = (source.Text ?? "").Count(char.IsAsciiDigit);

    /// <summary>Marks text that is known to be fine (a known organisation, one of the plan's people, the author's e-mail).</summary>
    public void Shield(int start, int length) => shielded.Add((start, start + length));

    public void MarkWebAddress(int start, int length)
    {
        webAddresses.Add((start, start + length));
        Shield(start, length);
    }

    public bool InWebAddress(int start, int length) => Overlaps(webAddresses, start, start + length);

    public bool IsTaken(int start, int length) =>
        Overlaps(claimed, start, start + length) || Overlaps(shielded, start, start + length);

    public bool Flag(PersonalDataKind kind, int start, int length, string reason) =>
        Flag(kind, start, length, reason, ignoreShield: false);

    /// <summary>Flags a stretch unless it is already flagged or shielded; says whether it did.</summary>
    public bool Flag(PersonalDataKind kind, int start, int length, string reason, bool ignoreShield)
    {
        var end = start + length;
        if (length <= 0 || Overlaps(claimed, start, end) || (!ignoreShield && Overlaps(shielded, start, end)))
            return false;
        claimed.Add((start, end));
        Flags.Add(new PersonalDataFlag(source.Location, kind, Text.Substring(start, length), start, length, reason));
        return true;
    }

    private static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var span in spans)
        {
            if (start < span.End && span.Start < end)
                return true;
        }
        return false;
    }
}
