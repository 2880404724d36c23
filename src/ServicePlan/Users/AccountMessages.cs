using Microsoft.AspNetCore.Identity;

namespace ServicePlan.Users;

/// <summary>
/// Identity's refusals in the words the pages and the command line show. Identity's own descriptions speak of
/// "Username 'x' is already taken" and tokens; a user needs to know what to do instead.
/// </summary>
public static class AccountMessages
{
    public const string AlreadyExists = "An account with this e-mail already exists";
    public const string LinkNotValid = "This link has expired or has already been used";
    public const string SomeoneElseChanged = "Someone else changed this account while you were editing it. Check it and try again";

    /// <summary>What to tell the user for Identity's error <paramref name="code"/>; its own description for codes with nothing better to say.</summary>
    public static string Describe(string code, string description) => code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => AlreadyExists,
        "InvalidEmail" or "InvalidUserName" => EmailAddresses.WrongFormat,
        "PasswordTooShort" => "Your password must be at least 12 characters",
        "PasswordRequiresUniqueChars" => "Your password must use at least 4 different characters",
        "PasswordMismatch" => "Your current password is not right",
        "InvalidToken" => LinkNotValid,
        "ConcurrencyFailure" => SomeoneElseChanged,
        "UserAlreadyHasPassword" => "This account already has a password",
        _ => description.TrimEnd('.'),
    };

    public static string Describe(IdentityError error) => Describe(error.Code, error.Description);

    /// <summary>Each refusal once, in the users' words: Identity says "taken" twice when the name and the e-mail are the same.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<IdentityError> errors) => errors.Select(Describe).Distinct().ToList();
}
