namespace ServicePlan.Audit;

/// <summary>Who is making the changes being saved: the signed-in person in the web app, or what the process is.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string Name { get; }

    /// <summary>The person's organisation: the owner of what they change, unless the record names its own.</summary>
    Guid? OrganisationId { get; }
}

/// <summary>Changes made by ServicePlan itself or a tool, with no person signed in.</summary>
public sealed record ProcessActor(string Name) : IAuditActor
{
    public string? UserId => null;

    public Guid? OrganisationId => null;
}
