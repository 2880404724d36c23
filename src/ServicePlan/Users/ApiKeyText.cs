using System.Security.Cryptography;
using System.Text;

namespace ServicePlan.Users;

/// <summary>
/// The text of an API key: <c>sp_&lt;prefix&gt;_&lt;secret&gt;</c>, where the prefix is 8 lower-case letters and digits
/// and the secret is 32 random bytes as 64 lower-case hex digits. "sp_" makes a leaked key recognisable to secret
/// scanners and people alike.
/// </summary>
public static class ApiKeyText
{
    public const string Start = "sp_";
    public const int PrefixLength = 8;
    public const int SecretBytes = 32;

    /// <summary>The header scripts send the key in.</summary>
    public const string Header = "X-Api-Key";

    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static (string Key, string Prefix) New()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Start}{prefix}_{secret}", prefix);
    }

    /// <summary>The prefix of a well-formed key, or null for anything else (which is then refused without a lookup).</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length != Start.Length + PrefixLength + 1 + SecretBytes * 2
            || !key.StartsWith(Start, StringComparison.Ordinal) || key[Start.Length + PrefixLength] != '_')
        {
            return null;
        }

        var prefix = key.Substring(Start.Length, PrefixLength);
        return prefix.All(PrefixAlphabet.Contains) ? prefix : null;
    }

    /// <summary>
    /// SHA-256 of the key. A password needs a slow, salted hash (PBKDF2) because people choose guessable ones; this key
    /// is 256 random bits, so nobody can guess it or look it up in a table however fast the hash, and a slow hash
    /// would only make every API request slower. (GitHub and Stripe store their tokens the same way.)
    /// </summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether the key matches the stored hash, in time that does not depend on where they differ.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>How the list shows a key: its public start only.</summary>
    public static string Display(string prefix) => $"{Start}{prefix}_…";
}
