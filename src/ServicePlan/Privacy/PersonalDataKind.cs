namespace ServicePlan.Privacy;

/// <summary>The kinds of a child's personal data that Schedule 12A keeps out of public committee papers.</summary>
public enum PersonalDataKind
{
    PersonalName,
    CaseNumber,
    Initials,
    DateOfBirth,
    Address,
    Postcode,
    PhoneNumber,
    EmailAddress,
}

public static class PersonalDataKinds
{
    /// <summary>The kind in plain words, as the CLI's JSON and the pages name it.</summary>
    public static string Words(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.PersonalName => "name",
        PersonalDataKind.CaseNumber => "record number",
        PersonalDataKind.Initials => "initials",
        PersonalDataKind.DateOfBirth => "date of birth",
        PersonalDataKind.Address => "address",
        PersonalDataKind.Postcode => "postcode",
        PersonalDataKind.PhoneNumber => "phone",
        PersonalDataKind.EmailAddress => "email",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
