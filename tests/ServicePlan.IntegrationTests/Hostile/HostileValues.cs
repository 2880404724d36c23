using System.Globalization;
using System.Text;

namespace ServicePlan.IntegrationTests.Hostile;

/// <summary>
/// One hostile value as the bytes that go on the wire. Bytes rather than a string, so that invalid UTF-8 (which no .NET
/// string can hold) reaches the server exactly as a broken client would send it.
/// </summary>
/// <param name="Raw">Send bytes above 0x7F as they are rather than percent-encoded: the server must cope with both.</param>
public sealed record Hostile(string Name, byte[] Bytes, bool Raw = false)
{
    public static Hostile Text(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    /// <summary>The value as a .NET string would see it, with invalid sequences replaced: for JSON bodies and messages.</summary>
    public string AsString => Encoding.UTF8.GetString(Bytes);

    public override string ToString() => Name;
}

/// <summary>The fixed list of hostile values every field is tried with, and a seeded choice of them per field.</summary>
public static class HostileValues
{
    /// <summary>Any fixed seed: the same run every time, so a failure can be reproduced.</summary>
    public const int Seed = 20241015;

    /// <summary>Payloads that stored and shown again would run as script if anything failed to escape them.</summary>
    public const string Script = "<script>alert(1)</script>";
    public const string ImageOnError = "\"><img src=x onerror=alert(1)>";

    public static readonly IReadOnlyList<Hostile> All =
    [
        Hostile.Text("100,000 characters", string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet ", 4000))[..100_000]),
        Hostile.Text("4,001 characters", new string('x', 4001)),
        Hostile.Text("control characters", "\u0000\u0001\u001b"),
        Hostile.Text("a NUL inside text", "before\u0000after"),
        Hostile.Text("escape sequences", "\u001b[31mred\u001b[0m\u0007\u0008\u007f"),
        new("invalid UTF-8 bytes", [0xFF, 0xFE, 0xFD, 0x41], Raw: true),
        new("an overlong UTF-8 slash", [0xC0, 0xAF, 0x2E, 0x2E]),
        new("a lone surrogate (CESU-8)", [0x61, 0xED, 0xA0, 0x80, 0x62], Raw: true),
        new("a truncated UTF-8 sequence", [0x41, 0xE2, 0x82]),
        Hostile.Text("a script tag", Script),
        Hostile.Text("an attribute breakout", ImageOnError),
        Hostile.Text("SQL", "'; DROP TABLE Actions; --"),
        Hostile.Text("SQL with a quote and LIKE wildcards", "%' OR '1'='1' /* _ \\ [a-z]"),
        Hostile.Text("1e309", "1e309"),
        Hostile.Text("a huge negative number", "-99999999999999999999"),
        Hostile.Text("NaN", "NaN"),
        Hostile.Text("int overflow", "2147483648"),
        Hostile.Text("minus one", "-1"),
        Hostile.Text("a decimal", "1.5"),
        Hostile.Text("empty", ""),
        Hostile.Text("whitespace", " \t\r\n\u00a0\u2003 "),
        Hostile.Text("the empty GUID", Guid.Empty.ToString()),
        Hostile.Text("an unknown GUID", "0190a3c4-0000-7000-8000-00000000beef"),
        Hostile.Text("not a GUID", "not-a-guid{}"),
        Hostile.Text("an enum number out of range", "999"),
        Hostile.Text("two enum names", "Blue,Red"),
        Hostile.Text("an impossible date", "2024-02-30"),
        Hostile.Text("a year far away", "99999"),
        Hostile.Text("path traversal", "../../../../etc/passwd"),
        Hostile.Text("right-to-left override and zero-width characters", "\u202Egnp.exe\u200B\u200D\uFEFF"),
        Hostile.Text("astral and combining characters", "👩‍👩‍👧 Z̴̡̛a̷l̶g̸o 𝕏"),
        Hostile.Text("non-characters", "\uFFFE\uFFFF"),
        Hostile.Text("template syntax", "{{7*7}} ${7*7} @(1+1) <%= 1 %>"),
        Hostile.Text("percent signs", "100% %00 %ZZ %"),
    ];

    /// <summary>
    /// What a field is tried with: the values that have broken apps before (too long, control characters, invalid
    /// UTF-8, script) always, then a seeded draw of the others, so every value meets many fields within the budget.
    /// </summary>
    public static IReadOnlyList<Hostile> ForField(Random random, int extra)
    {
        var always = All.Where(h => h.Name is "100,000 characters" or "control characters" or "invalid UTF-8 bytes" or "a lone surrogate (CESU-8)" or "a script tag" or "an attribute breakout" or "empty" or "not a GUID").ToList();
        var others = All.Except(always).ToArray();
        random.Shuffle(others);
        return [.. always, .. others.Take(extra)];
    }

    /// <summary>Percent-encodes the bytes for a form body or query string; a raw value keeps its high bytes as they are.</summary>
    public static void AppendEncoded(List<byte> output, byte[] bytes, bool raw)
    {
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                || (raw && b >= 0x80))
            {
                output.Add(b);
            }
            else
            {
                output.AddRange(Encoding.ASCII.GetBytes("%" + b.ToString("X2", CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>A form body (or query string) from name/value pairs whose values are bytes.</summary>
    public static byte[] Encode(IEnumerable<(string Name, Hostile Value)> fields)
    {
        var output = new List<byte>();
        foreach (var (name, value) in fields)
        {
            if (output.Count > 0)
                output.Add((byte)'&');
            AppendEncoded(output, Encoding.UTF8.GetBytes(name), raw: false);
            output.Add((byte)'=');
            AppendEncoded(output, value.Bytes, value.Raw);
        }

        return [.. output];
    }
}
