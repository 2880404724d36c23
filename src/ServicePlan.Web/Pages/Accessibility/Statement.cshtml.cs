namespace ServicePlan.Web.Pages.Accessibility;

/// <summary>Who to contact about the service's accessibility, and the statement's dates: set in "AccessibilityStatement" in appsettings.</summary>
public sealed class AccessibilityStatementOptions
{
    public string Organisation { get; set; } = "The council";
    public string ContactEmail { get; set; } = "accessibility@serviceplan.example";
    public string? ContactPhone { get; set; }
    public int ResponseDays { get; set; } = 5;
    public string PreparedOn { get; set; } = "3 December 2026";
    public string LastReviewedOn { get; set; } = "3 December 2026";
    public string LastTestedOn { get; set; } = "3 December 2026";
}

/// <summary>The accessibility statement (GOV.UK's model statement). Anyone may read it, signed in or not: it holds no data.</summary>
public sealed class StatementModel(IConfiguration configuration) : PageModel
{
    public AccessibilityStatementOptions Statement { get; private set; } = new();

    public string ServiceAddress { get; private set; } = "";

    public void OnGet()
    {
        Statement = configuration.GetSection("AccessibilityStatement").Get<AccessibilityStatementOptions>() ?? new();
        ServiceAddress = $"{Request.Scheme}://{Request.Host}";
    }
}
