using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServicePlan.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = 500;

    /// <summary>Shown to the user and written to the log, so support can find what went wrong without the user repeating personal details.</summary>
    public string Reference { get; private set; } = "";

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        // Re-executed after an exception the status is already chosen (413 for a body over its limit, else 500).
        Status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
    }
}
