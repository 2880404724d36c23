using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ServicePlan.Web.Api;
using ServicePlan.Web.Pages.Import;
using ServicePlan.Web.Security;

namespace ServicePlan.Web;

/// <summary>How the web app is put together: services in <see cref="AddServicePlanWeb"/>, the request pipeline in <see cref="UseServicePlan"/>.</summary>
public static class ServicePlanApp
{
    /// <summary>ConnectionStrings:ServicePlan when given; otherwise a SQLite file in the app's data folder.</summary>
    public static ServicePlanDatabase ChooseDatabase(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("ServicePlan");
        if (!string.IsNullOrWhiteSpace(configured))
            return ServicePlanDatabase.FromConnectionString(configured);

        var file = Path.Combine(environment.ContentRootPath, "App_Data", "serviceplan.db");
        return ServicePlanDatabase.FromConnectionString($"Data Source={file}");
    }

    public static void AddServicePlanWeb(this WebApplicationBuilder builder, ServicePlanDatabase database)
    {
        var services = builder.Services;
        services.AddServicePlan(database);

        // The library registered the accounts (IdentityCore, its stores and password rules); the web app adds signing in.
        services.AddIdentity<ApplicationUser, IdentityRole>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ServicePlanClaimsFactory>()
            .AddSignInManager<ServicePlanSignInManager>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = Links.SignIn();
            options.LogoutPath = Links.SignOut();
            options.AccessDeniedPath = Links.AccessDenied();
            options.Cookie.Name = "serviceplan";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the app is reached over HTTPS, as it must be in production; plain HTTP only on a developer's loopback.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // Scripts calling the API want a status code, not the sign-in page.
                OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden),

                // Every request, not Identity's every 30 minutes: deactivation and role changes apply at once.
                OnValidatePrincipal = SignedInAccountCheck.ValidateAsync,
            };
        });

        // Scripts use API keys on /api/* only; pages and forms stay cookie-only.
        services.AddApiKeyAuthentication();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.EditPlan, policy => policy.RequireRole(Roles.Admin, Roles.PlanOwner))
            .AddPolicy(Policies.AddProgress, policy => policy.RequireRole(Roles.Admin, Roles.PlanOwner, Roles.Lead))
            .AddPolicy(Policies.ManageUsers, policy => policy.RequireRole(Roles.Admin));

        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Users/SignIn").AllowAnonymousToPage("/Users/SignOut").AllowAnonymousToPage("/Users/AccessDenied").AllowAnonymousToPage("/Users/External");
            options.Conventions.AllowAnonymousToPage("/Error").AllowAnonymousToPage("/Accessibility/Statement");
            options.Conventions.AddPageRoute("/Sources/Edit", "sources/add");
            options.Conventions.ConfigureFilter(new IgnoredFilters.Filter());
        });
        // Every form validates its own fields with GOV.UK wording; MVC's implicit "required" for non-nullable strings
        // would add a second, generic message.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.AddAntiforgery(options => options.Cookie.Name = "serviceplan-csrf");
        services.AddServicePlanApiDocument();
        services.AddRequestLimits(builder.Configuration);
        builder.AddSingleSignOn();
        services.AddProblemDetails();

        services.AddSingleton<PlanViewCache>();
        services.AddSingleton<UploadStore>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor, SignedInAuditActor>();
        AddReminders(builder);
    }

    /// <summary>Reminder e-mails while a review is open: always registered, and idle unless Reminders:Enabled is true.</summary>
    private static void AddReminders(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>()
            .Bind(builder.Configuration.GetSection(ReminderOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ReminderOptions>, ReminderOptionsValidation>();
        builder.Services.AddSingleton<ReminderSender>();
        builder.Services.AddHostedService<ReminderService>();
    }

    public static void UseServicePlan(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",

                // A body over its limit is the client's doing (413), not a fault in the service.
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
        }
        app.UseWhen(
            context => !IsApi(context.Request),
            branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));

        // Scripts get every refusal as an RFC 9457 problem (application/problem+json), whatever answered it: the
        // sign-in challenge (401), a forbidden role (403), a route that matched nothing (404), the rate limiter (429).
        app.UseWhen(context => IsApi(context.Request), branch => branch.UseStatusCodePages());

        app.UseSecurityHeaders();
        app.UseRequestBodyLimit();
        app.UseNulRefusal();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi();
        app.MapServicePlanApi();
        app.MapRazorPages();
    }

    /// <summary>The JSON API and its OpenAPI document: answered with status codes and problems, never pages or redirects.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string EditPlan = nameof(EditPlan);
    public const string AddProgress = nameof(AddProgress);
    public const string ManageUsers = nameof(ManageUsers);
}
