using Microsoft.AspNetCore.Identity;

namespace ServicePlan.Users;

/// <summary>
/// NCSC guidance: rather than complexity rules, refuse the passwords attackers try first. With at least 12 characters
/// required, what is left to refuse is the long-but-common: well-known phrases, keyboard runs and counting, a word
/// repeated, and anything built on the service's name or the person's own e-mail address.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string Message = "Choose a password that is harder to guess: avoid common passwords, keyboard patterns, repeated words and your own name or e-mail address";

    // Long entries of the most-breached password lists (haveibeenpwned, NCSC's top 100,000), lower-cased, no digits or punctuation at the end.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwordpassword", "iloveyou", "qwertyuiop", "qwertyuiopasdfghjkl", "asdfghjkl", "zxcvbnm", "qwertyuiopasdfghjklzxcvbnm",
        "letmein", "welcome", "welcometo", "changeme", "changeit", "administrator", "trustno", "football", "baseball", "basketball",
        "sunshine", "princess", "starwars", "whatever", "superman", "batman", "liverpool", "chelsea", "arsenal", "manchesterunited",
        "manchester", "tottenham", "everton", "newcastle", "dragon", "monkey", "shadow", "master", "michael", "jennifer", "jessica",
        "charlie", "thomas", "daniel", "summer", "winter", "spring", "autumn", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december", "monday", "friday", "london", "england", "britain", "unitedkingdom",
        "correcthorsebatterystaple", "thequickbrownfox", "thequickbrownfoxjumpsoverthelazydog", "onetwothreefour", "letmeinplease",
        "myspace", "facebook", "google", "microsoft", "windows", "computer", "internet", "secret", "mypassword", "newpassword",
        "yourpassword", "default", "council", "children", "serviceplan", "socialwork", "socialworker", "earlyhelp", "teamwork",
        "passw0rd", "p@ssw0rd", "p@ssword", "pa55word", "pa$$word", "abc", "abcdef", "abcdefghijkl", "iloveyouforever",
        "blink", "lovelove", "babygirl", "loveyou", "ihateyou", "fuckyou", "jesus", "christ", "godisgood", "blessed",
    };

    private static readonly string[] Runs =
    [
        "abcdefghijklmnopqrstuvwxyz",
        "01234567890",
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "1qaz2wsx3edc4rfv",
        "qazwsxedcrfvtgb",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? "", user.Email, user.DisplayName)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = Message })
            : IdentityResult.Success);

    public static bool IsCommon(string password, string? email = null, string? name = null)
    {
        var plain = new string(password.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c)).ToArray());
        var core = plain.TrimEnd("0123456789!?.£$#@*_-".ToCharArray()).TrimStart("0123456789".ToCharArray());

        if (core.Length == 0 || Common.Contains(core) || Common.Contains(plain))
            return true;
        if (IsRepeated(core) || IsRun(plain))
            return true;
        if (plain.Contains("serviceplan", StringComparison.Ordinal))
            return true;

        var local = email?.Split('@')[0].ToLowerInvariant();
        if (local is { Length: >= 4 } && plain.Contains(local, StringComparison.Ordinal))
            return true;
        return name?.ToLowerInvariant().Split(' ', '.', '-').Any(part => part.Length >= 4 && core == part) == true;
    }

    // "monkeymonkey", "abcabcabcabc", "121212121212": a short piece said over and over.
    private static bool IsRepeated(string text)
    {
        for (var size = 1; size <= text.Length / 2; size++)
        {
            if (text.Length % size == 0 && text == string.Concat(Enumerable.Repeat(text[..size], text.Length / size)))
                return true;
        }

        return false;
    }

    // "123456789012", "qwertyuiopas", "abcdefghijkl", or their reverse: runs along the keyboard or the alphabet.
    private static bool IsRun(string text)
    {
        foreach (var run in Runs)
        {
            var doubled = run + run;
            var reversed = new string(doubled.Reverse().ToArray());
            if (doubled.Contains(text, StringComparison.Ordinal) || reversed.Contains(text, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
