using System.Text.RegularExpressions;

namespace ServicePlan.Users;

/// <summary>
/// Whether a typed e-mail address looks like one, with the GOV.UK Design System's messages. It checks the shape
/// (something, an @, and a domain with a dot), not that the mailbox exists: only sending to it can tell that.
/// </summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 256;

    public const string Missing = "Enter an email address";
    public const string WrongFormat = "Enter an email address in the correct format, like name@example.com";
    public static readonly string TooLong = $"Email address must be {MaxLength} characters or fewer";

    /// <summary>Why <paramref name="text"/> is not an e-mail address, or null when it is one.</summary>
    /// <param name="missing">The message when nothing was typed, such as "Enter your email address" on sign-in.</param>
    public static string? Problem(string? text, string missing = Missing)
    {
        var address = text?.Trim() ?? "";
        if (address.Length == 0)
            return missing;
        if (address.Length > MaxLength)
            return TooLong;
        return IsValid(address) ? null : WrongFormat;
    }

    public static bool IsValid(string? text) => text is not null && Shape().IsMatch(text.Trim());

    // A local part without spaces, a second @ or dots at its ends or side by side; a domain of dotted labels of
    // letters, digits and inner hyphens, ending in a label of letters.
    [GeneratedRegex(@"^(?!\.)(?!.*\.\.)[^\s@""(),:;<>\[\]\\]+(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
