namespace ServicePlan.Privacy;

/// <summary>The kinds of a child's personal data that Schedule 12A keeps out of public committee papers.</summary>
public enum PersonalDataKind
{
    PersonalName,
    CaseNumber,
    Initials,
    DateOfBirth,
    Address,
    PhoneNumber,
    EmailAddress,
}
