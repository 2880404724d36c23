using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;

namespace ServicePlan.Web.Security;

/// <summary>How many sign-in attempts and API calls one client may make, from the "RequestLimits" settings.</summary>
public sealed class RequestLimitSettings
{
    public const string Section = "RequestLimits";

    /// <summary>Sign-in attempts per client address per minute; account lockout stops guessing one account, this stops spraying many.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>API requests per signed-in user (or address) per minute: plenty for a script, not enough to scrape.</summary>
    public int ApiPerMinute { get; set; } = 600;
}

/// <summary>
/// Limits on what a request may cost before the app reads it: a rate limit on sign-in and the API, and a body size
/// limit so only the plan upload may send more than a form's worth.
/// </summary>
public static class RequestLimits
{
    /// <summary>The largest body of any request but an upload: the longest form (the report narrative) is well under.</summary>
    public const long MaxFormBytes = 2 * 1024 * 1024;

    public static void AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RequestLimitSettings.Section).Get<RequestLimitSettings>() ?? new RequestLimitSettings();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(Links.SignIn()))
                    return RateLimitPartition.GetFixedWindowLimiter("sign-in " + address, _ => PerMinute(settings.SignInPerMinute));
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    var who = context.User.Identity?.IsAuthenticated == true ? "user " + context.User.Identity.Name : address;
                    return RateLimitPartition.GetFixedWindowLimiter("api " + who, _ => PerMinute(settings.ApiPerMinute));
                }

                return RateLimitPartition.GetNoLimiter("");
            });
        });
    }

    /// <summary>
    /// Caps every request body before anything reads it. The plan upload raises its own limit with
    /// [RequestSizeLimit], which runs later and wins.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = MaxFormBytes;
        return next(context);
    });

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
