using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Access;

/// <summary>What the app answers a request, as far as access goes.</summary>
public enum Answer
{
    /// <summary>The page or endpoint did its work: 2xx, a redirect elsewhere, or a form's validation errors.</summary>
    Allowed,

    /// <summary>A page sent an anonymous visitor to sign in (302 to /account/sign-in?ReturnUrl=…).</summary>
    SignIn,

    /// <summary>A page refused a signed-in user's role (302 to /account/access-denied?ReturnUrl=…).</summary>
    Denied,

    /// <summary>The API (or OpenAPI document) refused an anonymous caller: 401, not a sign-in page.</summary>
    Unauthorized,

    /// <summary>The API refused a signed-in caller's role: 403.</summary>
    Forbidden,

    /// <summary>There is no such thing for this user: how another organisation's data answers.</summary>
    NotFound,

    /// <summary>Anything else (400, 405, 500…): always a failure.</summary>
    Other,
}

/// <summary>The answer each role should get, anonymous first.</summary>
public sealed record Expected(Answer Anonymous, Answer Viewer, Answer Lead, Answer PlanOwner, Answer Admin)
{
    /// <summary>Anyone, signed in or not.</summary>
    public static readonly Expected Public = new(Answer.Allowed, Answer.Allowed, Answer.Allowed, Answer.Allowed, Answer.Allowed);

    /// <summary>The fallback policy: any signed-in user.</summary>
    public static readonly Expected SignedIn = new(Answer.SignIn, Answer.Allowed, Answer.Allowed, Answer.Allowed, Answer.Allowed);

    /// <summary>EditPlan: plan owners and admins.</summary>
    public static readonly Expected Editors = new(Answer.SignIn, Answer.Denied, Answer.Denied, Answer.Allowed, Answer.Allowed);

    /// <summary>AddProgress, on an action the Lead leads (the matrix uses ref 13, Sam Okafor's); other actions are in <see cref="LeadAccessTests"/>.</summary>
    public static readonly Expected ProgressWriters = new(Answer.SignIn, Answer.Denied, Answer.Allowed, Answer.Allowed, Answer.Allowed);

    /// <summary>
    /// Changing a comment: its author only. The matrix's update was written without a signed-in author (as an imported
    /// one is), so every role is turned away; <c>EditCommentTests</c> covers the author.
    /// </summary>
    public static readonly Expected CommentAuthor = new(Answer.SignIn, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied);

    /// <summary>ManageUsers: admins only.</summary>
    public static readonly Expected Admins = new(Answer.SignIn, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Allowed);

    /// <summary>The JSON API and the OpenAPI document: any signed-in user, and a status code rather than a sign-in page.</summary>
    public static readonly Expected Api = new(Answer.Unauthorized, Answer.Allowed, Answer.Allowed, Answer.Allowed, Answer.Allowed);

    /// <summary>Changing the plan through the API: as <see cref="Editors"/>, with status codes.</summary>
    public static readonly Expected ApiEditors = new(Answer.Unauthorized, Answer.Forbidden, Answer.Forbidden, Answer.Allowed, Answer.Allowed);

    /// <summary>Adding progress through the API: as <see cref="ProgressWriters"/>, with status codes.</summary>
    public static readonly Expected ApiProgressWriters = new(Answer.Unauthorized, Answer.Forbidden, Answer.Allowed, Answer.Allowed, Answer.Allowed);

    public Answer For(string? role) => role switch
    {
        null => Anonymous,
        Roles.Viewer => Viewer,
        Roles.Lead => Lead,
        Roles.PlanOwner => PlanOwner,
        Roles.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}

/// <param name="Expected">Who gets what.</param>
/// <param name="Values">Route values that are not ids of the organisation's data, such as a download's format.</param>
/// <param name="AllowedStatus">The status an allowed request gets when it is not 2xx or a redirect.</param>
/// <param name="RefusedForThisDataOnly">
/// The roles refused here are refused because of the matrix's data, not their role (the comment is someone else's):
/// on another organisation's data they get the same 404 as everything else.
/// </param>
public sealed record MatrixRow(Expected Expected, IReadOnlyDictionary<string, string>? Values = null, HttpStatusCode? AllowedStatus = null, bool RefusedForThisDataOnly = false);

/// <summary>One organisation's real ids, to fill route parameters with.</summary>
public sealed record MatrixIds(Guid PlanId, Guid ActionId, Guid UpdateId, Guid ReviewId, Guid SourceId, string PublicPageKey)
{
    /// <summary>Route parameters that name one organisation's data: a URL with any of them is another organisation's 404.</summary>
    public static readonly IReadOnlySet<string> OrganisationData = new HashSet<string>(StringComparer.Ordinal) { "planId", "actionId", "updateId", "reviewId", "sourceId" };

    public string? Value(string parameter) => parameter switch
    {
        "planId" => PlanId.ToString(),
        "actionId" => ActionId.ToString(),
        "updateId" => UpdateId.ToString(),
        "reviewId" => ReviewId.ToString(),
        "sourceId" => SourceId.ToString(),
        "key" => PublicPageKey,
        _ => null,
    };
}

/// <summary>
/// Every page handler and endpoint the app has, and who may use it. The table is the single place that says so: a new
/// page, handler or endpoint fails <see cref="AuthorisationMatrixTests.Every_endpoint_is_in_the_matrix_and_every_row_is_an_endpoint"/>
/// until someone decides who may use it and adds a row.
/// </summary>
public static partial class AuthorisationMatrix
{
    private static readonly Dictionary<string, string> Xlsx = new() { ["format"] = "xlsx" };
    private static readonly Dictionary<string, string> Docx = new() { ["format"] = "docx" };

    // The error page answers with the status it describes; what matters is that nobody is sent to sign in to see it.
    private static readonly Dictionary<string, string> NotFoundCode = new() { ["code"] = "404" };
    private static readonly Dictionary<string, string> ActionField = new() { ["field"] = "does-what" };
    private static readonly Dictionary<string, string> NarrativeParagraph = new() { ["field"] = "summary", ["paragraph"] = "0" };

    // The plan's structure: a section, objective or action that is not there, so that no row removes or moves the
    // matrix's own data; editors get past sign-in and role to a 404 (StructurePagesTests and StructureApiTests do the work).
    private static readonly Dictionary<string, string> NoSection = new() { ["sectionId"] = "00000000-0000-7000-8000-0000000000a1" };
    private static readonly Dictionary<string, string> NoObjective = new() { ["objectiveId"] = "00000000-0000-7000-8000-0000000000a2" };
    private static readonly Dictionary<string, string> NoAction = new() { ["actionId"] = "00000000-0000-7000-8000-0000000000a3" };
    private static readonly Dictionary<string, string> NoPerson = new() { ["personId"] = "00000000-0000-7000-8000-0000000000a4" };

    // An account that is not there, so that no row changes a real one: admins get past sign-in and role to a 404
    // (UserAdministrationTests do the work).
    private static readonly Dictionary<string, string> NoUser = new() { ["userId"] = "no-such-user" };

    /// <summary>Keyed "METHOD /route/pattern", with "?handler=Name" for a named page handler.</summary>
    public static readonly IReadOnlyDictionary<string, MatrixRow> Table = new Dictionary<string, MatrixRow>(StringComparer.Ordinal)
    {
        // Signing in and out, and the pages about access itself, must be reachable without an account.
        ["GET /account/sign-in"] = new(Expected.Public),
        ["POST /account/sign-in"] = new(Expected.Public),
        ["GET /account/sign-out"] = new(Expected.Public),
        ["POST /account/sign-out"] = new(Expected.Public),
        ["GET /account/access-denied"] = new(Expected.Public),
        ["GET /error/{code:int?}"] = new(Expected.Public, NotFoundCode, HttpStatusCode.NotFound),
        ["POST /error/{code:int?}"] = new(Expected.Public, NotFoundCode, HttpStatusCode.NotFound),
        ["GET /health"] = new(Expected.Public),
        ["GET /accessibility"] = new(Expected.Public),

        // An invitation's or password reset's one-time link is opened before its person can sign in; without a valid
        // link the page says the link cannot be used.
        ["GET /users/set-password"] = new(Expected.Public),
        ["POST /users/set-password"] = new(Expected.Public),

        // Single sign-on is reachable without an account, and is off here (and by default): 404 to everyone.
        ["GET /account/sign-in/external"] = new(Expected.Public, AllowedStatus: HttpStatusCode.NotFound),
        ["GET /account/sign-in/external?handler=Callback"] = new(Expected.Public, AllowedStatus: HttpStatusCode.NotFound),

        // Published for anyone to read (the setup publishes the demo organisation's page; unpublished it is 404 to all).
        ["GET /you-said-we-did/{key}"] = new(Expected.Public),

        ["GET /account/change-password"] = new(Expected.SignedIn),
        ["POST /account/change-password"] = new(Expected.SignedIn),

        // Everyone signed in manages their own API keys; a key acts with its owner's role.
        ["GET /account/api-keys"] = new(Expected.SignedIn),
        ["POST /account/api-keys?handler=Create"] = new(Expected.SignedIn),
        // Revoking with no key named finds none of the person's keys to revoke.
        ["POST /account/api-keys?handler=Revoke"] = new(Expected.SignedIn, AllowedStatus: HttpStatusCode.NotFound),

        // Reading: everyone signed in.
        ["GET /"] = new(Expected.SignedIn),
        ["GET /plans"] = new(Expected.SignedIn),
        ["GET /plans/{planId:guid}"] = new(Expected.SignedIn),
        ["GET /plans/{planId:guid}/actions"] = new(Expected.SignedIn),
        // A reader's own choice of columns and compact view: anyone who may read the list.
        ["POST /plans/{planId:guid}/actions?handler=Columns"] = new(Expected.SignedIn),
        ["POST /plans/{planId:guid}/actions?handler=Compact"] = new(Expected.SignedIn),
        ["GET /plans/{planId:guid}/export/{format}"] = new(Expected.SignedIn, Xlsx),
        ["GET /plans/{planId:guid}/reviews"] = new(Expected.SignedIn),
        ["GET /actions/{actionId:guid}"] = new(Expected.SignedIn),
        ["GET /my-actions"] = new(Expected.SignedIn),
        ["GET /reviews/{reviewId:guid}"] = new(Expected.SignedIn),
        ["GET /reviews/{reviewId:guid}/report/{format}"] = new(Expected.SignedIn, Docx),
        ["GET /sources"] = new(Expected.SignedIn),
        ["GET /sources/{sourceId:guid}"] = new(Expected.SignedIn),

        // Progress: leads on their own actions, owners and admins on any.
        ["GET /actions/{actionId:guid}/progress"] = new(Expected.ProgressWriters),
        ["POST /actions/{actionId:guid}/progress"] = new(Expected.ProgressWriters),
        // Update sheets: leads for their own actions, owners and admins for any lead's. A download without a lead named
        // is the lead's own sheet (or, for owners, the page asking which lead); an upload or apply with no file gets the form's error.
        ["GET /plans/{planId:guid}/update-sheet"] = new(Expected.ProgressWriters),
        ["GET /plans/{planId:guid}/update-sheet?handler=Download"] = new(Expected.ProgressWriters),
        ["POST /plans/{planId:guid}/update-sheet?handler=Preview"] = new(Expected.ProgressWriters),
        ["POST /plans/{planId:guid}/update-sheet?handler=Apply"] = new(Expected.ProgressWriters),
        // Updating several at once: a lead their own (the matrix's lead leads its action), owners and admins any lead's.
        // With no lead named it is the signed-in person's own actions; a post with every row blank gets the form's error.
        ["GET /plans/{planId:guid}/quick-update/{personId:guid?}"] = new(Expected.ProgressWriters, new Dictionary<string, string> { ["personId"] = "" }),
        ["POST /plans/{planId:guid}/quick-update/{personId:guid?}"] = new(Expected.ProgressWriters, new Dictionary<string, string> { ["personId"] = "" }),

        // Changing the plan: owners and admins.
        ["GET /actions/{actionId:guid}/edit"] = new(Expected.Editors),
        ["POST /actions/{actionId:guid}/edit"] = new(Expected.Editors),
        ["GET /actions/{actionId:guid}/updates/{updateId:guid}/exempt"] = new(Expected.Editors),
        ["POST /actions/{actionId:guid}/updates/{updateId:guid}/exempt"] = new(Expected.Editors),

        // Changing the plan's structure: owners and admins. Posts with no fields get the form's errors, or 404 for what is not there.
        ["GET /plans/{planId:guid}/structure"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/structure?handler=Move"] = new(Expected.Editors, AllowedStatus: HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/removed"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/structure/removed?handler=RestoreSection"] = new(Expected.Editors, AllowedStatus: HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/removed?handler=RestoreObjective"] = new(Expected.Editors, AllowedStatus: HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/removed?handler=RestoreAction"] = new(Expected.Editors, AllowedStatus: HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/sections/add"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/structure/sections/add"] = new(Expected.Editors),
        ["GET /plans/{planId:guid}/structure/sections/{sectionId:guid}/rename"] = new(Expected.Editors, NoSection, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/sections/{sectionId:guid}/rename"] = new(Expected.Editors, NoSection, HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/sections/{sectionId:guid}/remove"] = new(Expected.Editors, NoSection, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/sections/{sectionId:guid}/remove"] = new(Expected.Editors, NoSection, HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/sections/{sectionId:guid}/renumber"] = new(Expected.Editors, NoSection, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/sections/{sectionId:guid}/renumber"] = new(Expected.Editors, NoSection, HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/sections/{sectionId:guid}/objectives/add"] = new(Expected.Editors, NoSection, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/sections/{sectionId:guid}/objectives/add"] = new(Expected.Editors, NoSection, HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/objectives/{objectiveId:guid}/edit"] = new(Expected.Editors, NoObjective, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/objectives/{objectiveId:guid}/edit"] = new(Expected.Editors, NoObjective, HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/objectives/{objectiveId:guid}/remove"] = new(Expected.Editors, NoObjective, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/objectives/{objectiveId:guid}/remove"] = new(Expected.Editors, NoObjective, HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/objectives/{objectiveId:guid}/actions/add"] = new(Expected.Editors, NoObjective, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/structure/objectives/{objectiveId:guid}/actions/add"] = new(Expected.Editors, NoObjective, HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/structure/actions/{actionId:guid}/move"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/structure/actions/{actionId:guid}/move"] = new(Expected.Editors),
        ["GET /plans/{planId:guid}/structure/actions/{actionId:guid}/remove"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/structure/actions/{actionId:guid}/remove"] = new(Expected.Editors, NoAction, HttpStatusCode.NotFound),

        // The plan's people and their accounts: owners and admins, on a person who is not there (PeopleTests do the work).
        // A lead's team page: anyone signed in (it lists what their account leads, which may be nothing).
        ["GET /plans/{planId:guid}/people"] = new(Expected.Editors),
        ["GET /plans/{planId:guid}/people/{personId:guid}"] = new(Expected.Editors, NoPerson, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/people/{personId:guid}?handler=Link"] = new(Expected.Editors, NoPerson, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/people/{personId:guid}?handler=Unlink"] = new(Expected.Editors, NoPerson, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/people/{personId:guid}?handler=Invite"] = new(Expected.Editors, NoPerson, HttpStatusCode.NotFound),
        ["GET /plans/{planId:guid}/people/{personId:guid}/merge"] = new(Expected.Editors, NoPerson, HttpStatusCode.NotFound),
        ["POST /plans/{planId:guid}/people/{personId:guid}/merge"] = new(Expected.Editors, NoPerson, HttpStatusCode.NotFound),
        ["GET /team"] = new(Expected.SignedIn),

        // Whether the committee receives exempt papers: an organisation setting, for admins.
        ["POST /admin/users?handler=ExemptPapers"] = new(Expected.Admins),

        // Redaction: owners and admins, on any text.
        ["GET /actions/{actionId:guid}/updates/{updateId:guid}/redact"] = new(Expected.Editors),
        ["POST /actions/{actionId:guid}/updates/{updateId:guid}/redact"] = new(Expected.Editors),
        ["GET /actions/{actionId:guid}/redact/{field}"] = new(Expected.Editors, ActionField),
        ["POST /actions/{actionId:guid}/redact/{field}"] = new(Expected.Editors, ActionField),
        ["GET /reviews/{reviewId:guid}/narrative/redact"] = new(Expected.Editors),
        // The matrix's review has no narrative yet, so there is no paragraph to redact: editors get past sign-in and role to a 404.
        ["GET /reviews/{reviewId:guid}/narrative/redact/{field}/{paragraph:int}"] = new(Expected.Editors, NarrativeParagraph, HttpStatusCode.NotFound),
        ["POST /reviews/{reviewId:guid}/narrative/redact/{field}/{paragraph:int}"] = new(Expected.Editors, NarrativeParagraph, HttpStatusCode.NotFound),

        // Changing a comment: its author only, whatever their role.
        ["GET /actions/{actionId:guid}/updates/{updateId:guid}/edit"] = new(Expected.CommentAuthor, RefusedForThisDataOnly: true),
        ["POST /actions/{actionId:guid}/updates/{updateId:guid}/edit"] = new(Expected.CommentAuthor, RefusedForThisDataOnly: true),
        ["GET /plans/import"] = new(Expected.Editors),
        ["POST /plans/import?handler=Preview"] = new(Expected.Editors),
        ["POST /plans/import?handler=Confirm"] = new(Expected.Editors),
        // The plan's details, archiving and deleting. The matrix's plan has a closed review, so deleting it is refused
        // (its page explains, the API answers 409); the owner archives it and the admin finds it archived, then the
        // owner restores it and the admin finds it restored.
        ["GET /plans/{planId:guid}/header"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/header"] = new(Expected.Editors),
        ["GET /plans/{planId:guid}/archive"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/archive"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/archive?handler=Restore"] = new(Expected.Editors),
        ["GET /plans/{planId:guid}/delete"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/delete"] = new(Expected.Editors),
        ["GET /plans/{planId:guid}/rollover"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/rollover"] = new(Expected.Editors),
        ["POST /plans/{planId:guid}/reviews"] = new(Expected.Editors),
        ["POST /reviews/{reviewId:guid}?handler=Close"] = new(Expected.Editors),
        // Chasing leads: owners and admins. E-mail is off here, so an allowed press comes back to the review saying so.
        ["POST /reviews/{reviewId:guid}?handler=Remind"] = new(Expected.Editors),
        ["POST /reviews/{reviewId:guid}?handler=RemindAll"] = new(Expected.Editors),
        ["GET /reviews/{reviewId:guid}/narrative"] = new(Expected.Editors),
        ["POST /reviews/{reviewId:guid}/narrative"] = new(Expected.Editors),
        ["GET /reviews/{reviewId:guid}/personal-data"] = new(Expected.Editors),
        ["POST /reviews/{reviewId:guid}/personal-data?handler=Accept"] = new(Expected.Editors),
        ["GET /sources/add"] = new(Expected.Editors),
        ["POST /sources/add"] = new(Expected.Editors),
        ["GET /sources/{sourceId:guid}/edit"] = new(Expected.Editors),
        ["POST /sources/{sourceId:guid}/edit"] = new(Expected.Editors),
        ["GET /sources/merge"] = new(Expected.Editors),
        ["POST /sources/merge"] = new(Expected.Editors),
        ["GET /you-said-we-did/edit"] = new(Expected.Editors),
        ["POST /you-said-we-did/edit?handler=Save"] = new(Expected.Editors),
        ["POST /you-said-we-did/edit?handler=Publish"] = new(Expected.Editors),
        ["POST /you-said-we-did/edit?handler=Unpublish"] = new(Expected.Editors),
        ["GET /you-said-we-did/preview"] = new(Expected.Editors),

        // Users and the audit trail: admins.
        ["GET /admin/users"] = new(Expected.Admins),
        ["GET /admin/users/add"] = new(Expected.Admins),
        ["POST /admin/users/add"] = new(Expected.Admins),
        ["GET /admin/users/{userId}"] = new(Expected.Admins, NoUser, HttpStatusCode.NotFound),
        ["POST /admin/users/{userId}?handler=Role"] = new(Expected.Admins, NoUser, HttpStatusCode.NotFound),
        ["POST /admin/users/{userId}?handler=Deactivate"] = new(Expected.Admins, NoUser, HttpStatusCode.NotFound),
        ["POST /admin/users/{userId}?handler=Reactivate"] = new(Expected.Admins, NoUser, HttpStatusCode.NotFound),
        ["POST /admin/users/{userId}?handler=Unlock"] = new(Expected.Admins, NoUser, HttpStatusCode.NotFound),
        ["POST /admin/users/{userId}?handler=ResetPassword"] = new(Expected.Admins, NoUser, HttpStatusCode.NotFound),
        ["GET /admin/audit"] = new(Expected.Admins),
        ["GET /admin/audit?handler=Export"] = new(Expected.Admins),

        // The JSON API reads, and adds progress; its description is behind sign-in like the rest.
        ["GET /api/plans"] = new(Expected.Api),
        ["GET /api/plans/{planId:guid}"] = new(Expected.Api),
        ["GET /api/plans/{planId:guid}/actions"] = new(Expected.Api),
        ["GET /api/actions/{actionId:guid}"] = new(Expected.Api),

        // Adding progress, as the page allows; an empty body gets the form's field messages.
        ["POST /api/actions/{actionId:guid}/progress"] = new(Expected.ApiProgressWriters, AllowedStatus: HttpStatusCode.BadRequest),
        // Changing the plan's structure through the API: owners and admins. Empty bodies get the field messages; a change
        // or removal without If-Match gets 428 and writes nothing.
        ["GET /api/plans/{planId:guid}/sections"] = new(Expected.ApiEditors),
        ["GET /api/plans/{planId:guid}/sections/{sectionId:guid}"] = new(Expected.ApiEditors, NoSection, HttpStatusCode.NotFound),
        ["POST /api/plans/{planId:guid}/sections"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.BadRequest),
        ["PATCH /api/plans/{planId:guid}/sections/{sectionId:guid}"] = new(Expected.ApiEditors, NoSection, HttpStatusCode.NotFound),
        ["DELETE /api/plans/{planId:guid}/sections/{sectionId:guid}"] = new(Expected.ApiEditors, NoSection, HttpStatusCode.NotFound),
        ["GET /api/plans/{planId:guid}/objectives"] = new(Expected.ApiEditors),
        ["GET /api/plans/{planId:guid}/objectives/{objectiveId:guid}"] = new(Expected.ApiEditors, NoObjective, HttpStatusCode.NotFound),
        ["POST /api/plans/{planId:guid}/objectives"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.BadRequest),
        ["PATCH /api/plans/{planId:guid}/objectives/{objectiveId:guid}"] = new(Expected.ApiEditors, NoObjective, HttpStatusCode.NotFound),
        ["DELETE /api/plans/{planId:guid}/objectives/{objectiveId:guid}"] = new(Expected.ApiEditors, NoObjective, HttpStatusCode.NotFound),
        ["POST /api/plans/{planId:guid}/actions"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.BadRequest),
        ["PATCH /api/actions/{actionId:guid}"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.PreconditionRequired),
        ["DELETE /api/actions/{actionId:guid}"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.PreconditionRequired),
        // A plan's people through the API: anyone signed in lists them; owners and admins link one to an account.
        ["GET /api/plans/{planId:guid}/people"] = new(Expected.Api),
        ["POST /api/plans/{planId:guid}/people/{personId:guid}/link"] = new(Expected.ApiEditors, NoPerson, HttpStatusCode.NotFound),
        ["GET /openapi/{documentName}.json"] = new(Expected.Api, new Dictionary<string, string> { ["documentName"] = "v1" }),

        // Reviews through the API, as the Reviews pages: anyone signed in reads, owners and admins open and close. An
        // empty body gets the field messages; the form above has already closed the matrix's review, so closing it is 409.
        ["GET /api/plans/{planId:guid}/reviews"] = new(Expected.Api),
        ["GET /api/reviews/{reviewId:guid}"] = new(Expected.Api),
        ["POST /api/plans/{planId:guid}/reviews"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.BadRequest),
        ["POST /api/reviews/{reviewId:guid}/close"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.Conflict),

        // The plan through the API, as its pages: a change without If-Match is 428; archiving or restoring twice, and
        // deleting a plan with a closed review, are 409.
        ["PATCH /api/plans/{planId:guid}"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.PreconditionRequired),
        ["POST /api/plans/{planId:guid}/archive"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.Conflict),
        ["POST /api/plans/{planId:guid}/restore"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.Conflict),
        ["DELETE /api/plans/{planId:guid}"] = new(Expected.ApiEditors, AllowedStatus: HttpStatusCode.PreconditionRequired),
    };

    /// <summary>Anonymous first, then the roles from weakest to strongest.</summary>
    public static readonly IReadOnlyList<string?> AllRoles = [null, Roles.Viewer, Roles.Lead, Roles.PlanOwner, Roles.Admin];

    public static string Describe(string? role) => role ?? "anonymous";

    /// <summary>
    /// Every route the running app answers, read from its endpoint data source: each Razor page once per handler
    /// (method and name), each minimal API endpoint once per HTTP method.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EndpointsAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var keys = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint is not RouteEndpoint route)
            {
                keys.Add($"? {endpoint.DisplayName}");
                continue;
            }

            var pattern = "/" + route.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);

                // A page with no handler methods (access denied) only renders, which a browser asks for with GET.
                var handlers = compiled.HandlerMethods.Count == 0
                    ? [("GET", null)]
                    : compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct();
                keys.AddRange(handlers.Select(h => $"{h.Item1} {pattern}{(h.Item2 is null ? "" : "?handler=" + h.Item2)}"));
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods)
            {
                keys.AddRange(methods.HttpMethods.Select(m => $"{m} {pattern}"));
            }
            else
            {
                // Answers every method: it must be listed as such, and so fails until someone decides what it is.
                keys.Add($"ANY {pattern}");
            }
        }

        return keys;
    }

    public static string Method(string key) => key[..key.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The URL to request for a row: route parameters filled with the organisation's ids and the row's values.</summary>
    public static string Url(string key, MatrixRow row, MatrixIds ids)
    {
        var path = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return RouteParameter().Replace(path, match =>
        {
            var name = match.Groups["name"].Value;
            return row.Values?.GetValueOrDefault(name) ?? ids.Value(name)
                ?? throw new InvalidOperationException($"{key}: no value for the route parameter {{{name}}}; add it to the row's values or to MatrixIds.");
        });
    }

    public static IEnumerable<string> Parameters(string key) => RouteParameter().Matches(key).Select(m => m.Groups["name"].Value);

    /// <summary>Whether the row's URL names one organisation's data, and so must be 404 to every other organisation.</summary>
    public static bool NamesOrganisationData(string key) => Parameters(key).Any(MatrixIds.OrganisationData.Contains);

    public static Answer Classify(HttpResponseMessage response, MatrixRow row, bool isApi)
    {
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        switch (response.StatusCode)
        {
            // The cookie handler always adds ReturnUrl; signing out, which also lands on the sign-in page, does not.
            case HttpStatusCode.Redirect when location.StartsWith("/account/sign-in?ReturnUrl=", StringComparison.Ordinal):
                return Answer.SignIn;
            case HttpStatusCode.Redirect when location.StartsWith("/account/access-denied?ReturnUrl=", StringComparison.Ordinal):
                return Answer.Denied;
            case HttpStatusCode.Unauthorized:
                return Answer.Unauthorized;
            case HttpStatusCode.Forbidden:
                return Answer.Forbidden;
            case var status when status == row.AllowedStatus:
                return Answer.Allowed;
            case HttpStatusCode.NotFound:
                return Answer.NotFound;
            case var status when (int)status is >= 200 and < 300:
                return Answer.Allowed;

            // An API answers with data, never by sending the caller elsewhere.
            case var status when (int)status is >= 300 and < 400 && !isApi:
                return Answer.Allowed;
            default:
                return Answer.Other;
        }
    }

    public static bool IsApi(string key) => key.Contains(" /api/", StringComparison.Ordinal) || key.Contains(" /openapi/", StringComparison.Ordinal);

    /// <summary>
    /// Posts the row's form with no fields, so an allowed role gets the form's validation errors (or, for a form with
    /// nothing to fill in, its work done) and a refused one is refused before anything is read. The antiforgery token
    /// is the user's own, from a page every user can load: it is tied to who is signed in, not to the form.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(TestClient client, string? role, string key, string url)
    {
        if (Method(key) == "GET")
            return await client.Http.GetAsync(url);
        if (Method(key) is "PATCH" or "DELETE" && IsApi(key))
            return await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(Method(key)), url) { Content = System.Net.Http.Json.JsonContent.Create(new { }) });
        if (Method(key) != "POST")
            throw new InvalidOperationException($"{key}: the matrix only knows how to send GET, POST, and PATCH and DELETE to the API.");
        if (IsApi(key))
            return await client.Http.PostAsync(url, System.Net.Http.Json.JsonContent.Create(new { }));
        return await client.PostFormAsync(role is null ? "/account/sign-in" : "/account/change-password", url, []);
    }

    /// <summary>What any change leaves behind: every save writes audit entries in its own transaction, and progress is what leads write.</summary>
    public static async Task<(int AuditEntries, int ProgressUpdates)> FingerprintAsync(ServicePlanAppFixture app)
    {
        await using var db = app.Database.CreateContext();
        return (await db.AuditEntries.CountAsync(), await db.ProgressUpdates.CountAsync());
    }

    public static string Explain(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? " → " + location : "")}";

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}?]*)?\??\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// For every page handler and endpoint and every role, the answer through the real HTTP pipeline (issue 6). A plan of
/// the test's own fills the routes: its action (led by the Lead test user), that action's progress update, its open
/// review and the staff feedback source its objective answers.
/// </summary>
[Trait("Category", "Database")]
public sealed class AuthorisationMatrixTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string PublicPage = "authorisation-matrix-test-page";

    private const string StaffFeedback = "Staff feedback (authorisation matrix)";

    [Fact]
    public async Task Every_endpoint_is_in_the_matrix_and_every_row_is_an_endpoint()
    {
        var endpoints = await AuthorisationMatrix.EndpointsAsync(app.Factory.Services);

        var missing = endpoints.Except(AuthorisationMatrix.Table.Keys).Order(StringComparer.Ordinal).ToList();
        var stale = AuthorisationMatrix.Table.Keys.Except(endpoints).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Endpoints with no row in AuthorisationMatrix.Table (decide who may use them, and add a row):\n  " + string.Join("\n  ", missing));
        Assert.True(stale.Count == 0, "Rows in AuthorisationMatrix.Table that match no endpoint (renamed or removed?):\n  " + string.Join("\n  ", stale));
        Assert.Equal(endpoints.Count, endpoints.Distinct().Count());
    }

    [Fact]
    public async Task Every_role_gets_the_expected_answer_from_every_endpoint()
    {
        var ids = await MatrixIdsAsync();
        await PublishYouSaidWeDidAsync(ids);
        var clients = new Dictionary<string, TestClient>();
        var failures = new List<string>();
        var checks = 0;
        try
        {
            foreach (var role in AuthorisationMatrix.AllRoles)
            {
                var client = app.CreateClient();
                clients[AuthorisationMatrix.Describe(role)] = client;
                if (role is not null)
                    await client.SignInAsync(role);
            }

            // Reads first, then forms: a form may change what a read shows (unpublishing the public page), and signing
            // out, last of all, ends each client's session.
            var rows = AuthorisationMatrix.Table
                .OrderBy(r => AuthorisationMatrix.Method(r.Key) == "GET" ? 0 : 1)
                .ThenBy(r => r.Key.EndsWith("/account/sign-out", StringComparison.Ordinal) ? 1 : 0)
                .ToList();
            foreach (var (key, row) in rows)
            {
                var url = AuthorisationMatrix.Url(key, row, ids);
                foreach (var role in AuthorisationMatrix.AllRoles)
                {
                    var expected = row.Expected.For(role);
                    var before = await AuthorisationMatrix.FingerprintAsync(app);

                    var response = await AuthorisationMatrix.SendAsync(clients[AuthorisationMatrix.Describe(role)], role, key, url);

                    checks++;
                    var actual = AuthorisationMatrix.Classify(response, row, AuthorisationMatrix.IsApi(key));
                    if (actual != expected)
                        failures.Add($"{key} as {AuthorisationMatrix.Describe(role)}: expected {expected}, got {actual} ({AuthorisationMatrix.Explain(response)}) for {url}");
                    else if (expected != Answer.Allowed && AuthorisationMatrix.Method(key) != "GET" && await AuthorisationMatrix.FingerprintAsync(app) != before)
                        failures.Add($"{key} as {AuthorisationMatrix.Describe(role)}: refused, yet something was saved");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
                client.Dispose();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} answers were wrong:\n  " + string.Join("\n  ", failures));
        Assert.Equal(AuthorisationMatrix.Table.Count * AuthorisationMatrix.AllRoles.Count, checks);
    }

    private async Task<MatrixIds> MatrixIdsAsync()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithClosedReview("Q4 2023-24", new DateOnly(2024, 3, 31))
            .WithOpenReview("Q1 2024-25")
            .WithSection("Workforce", s => s.WithObjective("Staff have time to reflect on their work", o => o
                .WithSource(StaffFeedback, SourceKind.Staff)
                .WithAction(a => a.WithLead(TestData.LeadName).WithUpdate(Rating.Green, "Group supervision has started.")))));
        var action = plan.SingleAction;
        return new MatrixIds(plan.PlanId, action.Id, action.UpdateIds.Single(), plan.ReviewId("Q1 2024-25"), plan.SourceIds[StaffFeedback], PublicPage);
    }

    /// <summary>The public page is "not found" to everyone until published, which would hide whether sign-in is demanded.</summary>
    private async Task PublishYouSaidWeDidAsync(MatrixIds ids)
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "You said, we did",
            ["Input.Introduction"] = "What our staff told us, and what we changed.",
            ["Input.Slug"] = PublicPage,
            ["Input.Version"] = "0",
            ["Input.Entries[0].SourceId"] = ids.SourceId.ToString(),
            ["Input.Entries[0].YouSaid"] = "You asked for more time to reflect on your work together.",
            ["Input.Entries[0].WeDid"] = "Group supervision now runs every month.",
            ["Input.Entries[0].Status"] = "Done",
        };

        var published = await owner.PostFormAsync("/you-said-we-did/edit", "/you-said-we-did/edit?handler=Publish", fields);

        Assert.True(published.StatusCode == HttpStatusCode.Redirect, $"Publishing the page: {AuthorisationMatrix.Explain(published)}");
        using var anonymous = app.CreateClient();
        await anonymous.GetPageAsync($"/you-said-we-did/{PublicPage}");
    }
}
