using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace ServicePlan.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = 500;

    /// <summary>Shown to the user and written to the log, so support can find what went wrong without the user repeating personal details.</summary>
    public string Reference { get; private set; } = "";

    public void OnGet() => Set();

    public void OnPost() => Set();

    private void Set()
    {
        // Read from the route, not bound as a parameter: a re-executed POST whose form could not be read binds nothing.
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Status = code switch
        {
            >= 400 and <= 599 => code.Value,

            // Re-executed after an exception the status is already chosen (413 for a body over its limit, else 500).
            _ when reExecuted => Response.StatusCode >= 400 ? Response.StatusCode : 500,

            // Someone typed /error or /error/-1: nothing went wrong, and -1 is no status to answer with.
            _ => StatusCodes.Status404NotFound,
        };
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
    }
}
