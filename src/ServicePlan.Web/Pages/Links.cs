namespace ServicePlan.Web.Pages;

/// <summary>
/// Every address in the app that a page, a redirect or a form points at, one method per page, so that a page's route is
/// written only in its <c>@page</c> directive and here. Paths are relative to the site's root, as the pages always wrote them.
/// </summary>
/// <remarks>
/// Plain string building rather than <c>LinkGenerator</c>: the action list renders 1,000 links a page, and the routes are
/// fixed, so a route-table walk per link buys nothing; LinksTests checks each path against the route its page declares.
/// </remarks>
public static class Links
{
    // Plans

    public static string Home() => "/";

    public static string Plans() => "/plans";

    /// <summary>The plans list with archived plans shown too.</summary>
    public static string PlansWithArchived() => "/plans?archived=true";

    public static string ImportPlan() => "/plans/import";

    public static string Plan(Guid planId) => $"/plans/{planId}";

    /// <summary>The plan's actions, narrowed by the list's filters; each is left out of the query string when not given.</summary>
    public static string PlanActions(
        Guid planId, Guid? section = null, Guid? lead = null, Rating? rating = null, Guid? source = null, bool overdue = false, string? search = null)
    {
        var query = new Query();
        if (section is { } s)
            query.Add("section", s);
        if (lead is { } l)
            query.Add("lead", l);
        if (rating is { } r)
            query.Add("rating", RatingText(r));
        if (source is { } so)
            query.Add("source", so);
        if (overdue)
            query.Add("overdue", "true");
        if (search is not null)
            query.Add("q", search);
        return query.AppendTo($"/plans/{planId}/actions");
    }

    /// <summary>The action list with its filters, sort and page; each part is left out when it is the default.</summary>
    /// <param name="page">The page from 1; 0 for every action on one page ("Show all").</param>
    public static string PlanActions(Guid planId, ActionFilter filter, ActionSort sort, int page = 1)
    {
        var query = ListQuery(filter, sort);
        if (page == 0)
            query.Add("all", "true");
        else if (page > 1)
            query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return query.AppendTo($"/plans/{planId}/actions");
    }

    /// <summary>A download of the actions a filtered, sorted list shows, in its order ("export what I see").</summary>
    public static string ExportPlan(Guid planId, string format, bool isPublic, ActionFilter filter, ActionSort sort)
    {
        var query = new Query();
        if (isPublic)
            query.Add("public", "true");
        query.AddAll(ListQuery(filter, sort));
        return query.AppendTo($"/plans/{planId}/export/{Uri.EscapeDataString(format)}");
    }

    private static Query ListQuery(ActionFilter filter, ActionSort sort)
    {
        var query = new Query();
        if (filter.SectionId is { } s)
            query.Add("section", s);
        if (filter.LeadId is { } l)
            query.Add("lead", l);
        if (filter.Rating is { } r)
            query.Add("rating", RatingText(r));
        if (filter.SourceId is { } so)
            query.Add("source", so);
        if (filter.OverdueOnly)
            query.Add("overdue", "true");
        if (!string.IsNullOrWhiteSpace(filter.Search))
            query.Add("q", filter.Search);
        if (!sort.IsPlanOrder)
        {
            query.Add("sort", sort.Slug());
            query.Add("order", sort.Descending ? "desc" : "asc");
        }

        return query;
    }

    /// <param name="format">"xlsx" or "csv".</param>
    /// <param name="isPublic">For a public paper: exempt content withheld, refused while personal data is unresolved.</param>
    public static string ExportPlan(Guid planId, string format, bool isPublic = false) =>
        $"/plans/{planId}/export/{Uri.EscapeDataString(format)}{(isPublic ? "?public=true" : "")}";

    public static string Rollover(Guid planId) => $"/plans/{planId}/rollover";

    public static string EditPlanHeader(Guid planId) => $"/plans/{planId}/header";

    /// <summary>"Are you sure" before archiving; restoring posts here too.</summary>
    public static string ArchivePlan(Guid planId) => $"/plans/{planId}/archive";

    public static string RestorePlan(Guid planId) => $"/plans/{planId}/archive?handler=restore";

    public static string DeletePlan(Guid planId) => $"/plans/{planId}/delete";

    // The plan's structure: sections, objectives and actions added, moved, removed and restored

    public static string PlanStructure(Guid planId) => $"/plans/{planId}/structure";

    public static string RemovedFromPlan(Guid planId) => $"/plans/{planId}/structure/removed";

    public static string AddSection(Guid planId) => $"/plans/{planId}/structure/sections/add";

    public static string RenameSection(Guid planId, Guid sectionId) => $"/plans/{planId}/structure/sections/{sectionId}/rename";

    public static string RemoveSection(Guid planId, Guid sectionId) => $"/plans/{planId}/structure/sections/{sectionId}/remove";

    public static string RenumberSection(Guid planId, Guid sectionId) => $"/plans/{planId}/structure/sections/{sectionId}/renumber";

    public static string AddObjective(Guid planId, Guid sectionId) => $"/plans/{planId}/structure/sections/{sectionId}/objectives/add";

    public static string EditObjective(Guid planId, Guid objectiveId) => $"/plans/{planId}/structure/objectives/{objectiveId}/edit";

    public static string RemoveObjective(Guid planId, Guid objectiveId) => $"/plans/{planId}/structure/objectives/{objectiveId}/remove";

    public static string AddStructureAction(Guid planId, Guid objectiveId) => $"/plans/{planId}/structure/objectives/{objectiveId}/actions/add";

    public static string MoveStructureAction(Guid planId, Guid actionId) => $"/plans/{planId}/structure/actions/{actionId}/move";

    public static string RemoveStructureAction(Guid planId, Guid actionId) => $"/plans/{planId}/structure/actions/{actionId}/remove";

    // The plan's people and their accounts; a lead's own team page

    public static string PlanPeople(Guid planId) => $"/plans/{planId}/people";

    public static string PlanPerson(Guid planId, Guid personId) => $"/plans/{planId}/people/{personId}";

    /// <summary>Merging a person into another: with <paramref name="into"/> the "Are you sure", without it the choice of whom.</summary>
    public static string MergePerson(Guid planId, Guid personId, Guid? into = null) =>
        $"/plans/{planId}/people/{personId}/merge" + (into is { } i ? $"?into={i}" : "");

    public static string Team() => "/team";

    // Actions and their progress

    public static string Action(Guid actionId) => $"/actions/{actionId}";

    /// <summary>The action's page, scrolled to its progress history.</summary>
    public static string ActionHistory(Guid actionId) => $"/actions/{actionId}#history";

    public static string EditAction(Guid actionId) => $"/actions/{actionId}/edit";

    public static string AddProgress(Guid actionId) => $"/actions/{actionId}/progress";

    public static string ExemptComment(Guid actionId, Guid updateId) => $"/actions/{actionId}/updates/{updateId}/exempt";

    /// <summary>The author corrects their own comment while its review is open.</summary>
    public static string EditComment(Guid actionId, Guid updateId) => $"/actions/{actionId}/updates/{updateId}/edit";

    public static string MyActions() => "/my-actions";

    /// <summary>A plan's update sheets: download a lead's actions for the open review, upload one filled in.</summary>
    public static string UpdateSheet(Guid planId) => $"/plans/{planId}/update-sheet";

    /// <summary>The update sheet of one lead (a person of the plan).</summary>
    public static string UpdateSheetDownload(Guid planId, Guid personId) => $"/plans/{planId}/update-sheet?handler=Download&person={personId}";

    /// <summary>
    /// Update several actions of a plan in one form: the signed-in lead's own, or, with <paramref name="personId"/>,
    /// a lead's entered on their behalf by an owner or admin.
    /// </summary>
    public static string QuickUpdate(Guid planId, Guid? personId = null) =>
        personId is { } person ? $"/plans/{planId}/quick-update/{person}" : $"/plans/{planId}/quick-update";

    // Redaction: erasing words everywhere, by a plan owner or admin

    public static string RedactComment(Guid actionId, Guid updateId) => $"/actions/{actionId}/updates/{updateId}/redact";

    public static string RedactActionText(Guid actionId, ServicePlan.Redaction.ActionTextField field) => $"/actions/{actionId}/redact/{ServicePlan.Redaction.RedactionFields.Slug(field)}";

    /// <summary>The review's narrative, a paragraph at a time, each with a link to redact it.</summary>
    public static string RedactNarrative(Guid reviewId) => $"/reviews/{reviewId}/narrative/redact";

    public static string RedactNarrativeParagraph(Guid reviewId, string field, int paragraph) =>
        $"/reviews/{reviewId}/narrative/redact/{Uri.EscapeDataString(field)}/{paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    // Reviews and the committee report

    public static string Reviews(Guid planId) => $"/plans/{planId}/reviews";

    public static string Review(Guid reviewId) => $"/reviews/{reviewId}";

    public static string Narrative(Guid reviewId) => $"/reviews/{reviewId}/narrative";

    public static string PersonalData(Guid reviewId) => $"/reviews/{reviewId}/personal-data";

    /// <param name="format">"docx", "html" or "json".</param>
    /// <param name="isPublic">The public report: exempt actions and comments left out.</param>
    public static string Report(Guid reviewId, string format, bool isPublic = false) =>
        $"/reviews/{reviewId}/report/{Uri.EscapeDataString(format)}{(isPublic ? "?public=true" : "")}";

    // Sources and the public "You said, we did" page

    public static string Sources() => "/sources";

    public static string AddSource() => "/sources/add";

    public static string MergeSources() => "/sources/merge";

    public static string Source(Guid sourceId) => $"/sources/{sourceId}";

    public static string EditSource(Guid sourceId) => $"/sources/{sourceId}/edit";

    public static string EditYouSaidWeDid() => "/you-said-we-did/edit";

    /// <summary>The editing page, scrolled to the words for one source.</summary>
    public static string EditYouSaidWeDid(Guid sourceId) => $"/you-said-we-did/edit#source-{sourceId}";

    public static string PreviewYouSaidWeDid() => "/you-said-we-did/preview";

    public static string YouSaidWeDid(string slug) => "/you-said-we-did/" + Uri.EscapeDataString(slug);

    // Accounts

    public static string SignIn() => "/account/sign-in";

    public static string Accessibility() => "/accessibility";

    /// <param name="returnUrl">Where to go once signed in: a local path.</param>
    public static string ExternalSignIn(string returnUrl) => "/account/sign-in/external?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>Where the council's sign-in comes back to.</summary>
    public static string ExternalSignInCallback(string returnUrl) =>
        "/account/sign-in/external?handler=Callback&returnUrl=" + Uri.EscapeDataString(returnUrl);

    public static string SignOut() => "/account/sign-out";

    public static string AccessDenied() => "/account/access-denied";

    public static string ChangePassword() => "/account/change-password";

    public static string ApiKeys() => "/account/api-keys";

    /// <summary>An invitation's or password reset's one-time link, as <see cref="ServicePlan.Users.Invitations"/> makes it.</summary>
    public static string SetPassword(string userId, string token) => ServicePlan.Users.Invitations.SetPasswordPath(userId, token);

    public static string SetPasswordDone(bool signedIn) => "/users/set-password?done=true" + (signedIn ? "&signedIn=true" : "");

    /// <summary>A path with this site's address in front, for a link people copy into an e-mail of their own.</summary>
    public static string OnThisSite(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    // Administration

    public static string Users() => "/admin/users";

    public static string AddUser() => "/admin/users/add";

    /// <summary>One account, for an administrator: role, deactivation, password reset, lock-out.</summary>
    public static string User(string userId) => "/admin/users/" + Uri.EscapeDataString(userId);

    public static string Audit() => "/admin/audit";

    /// <summary>The audit trail searched by its filters, all of them always in the query so that pages of it keep the search.</summary>
    /// <param name="older">Which page of older entries; left out for the first.</param>
    public static string Audit(string? entity, string? who, string? from, string? to, string? text, int? older = null)
    {
        var url = "/admin/audit?" + AuditQuery(entity, who, from, to, text);
        return older is { } page ? url + "&older=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : url;
    }

    /// <summary>The audit trail's entries for the same filters as a CSV download.</summary>
    public static string AuditExport(string? entity, string? who, string? from, string? to, string? text) =>
        "/admin/audit?handler=Export&" + AuditQuery(entity, who, from, to, text);

    private static string AuditQuery(string? entity, string? who, string? from, string? to, string? text) =>
        $"entity={Uri.EscapeDataString(entity ?? "")}&who={Uri.EscapeDataString(who ?? "")}&from={Uri.EscapeDataString(from ?? "")}&to={Uri.EscapeDataString(to ?? "")}&text={Uri.EscapeDataString(text ?? "")}";

    /// <summary>How the action list's rating filter is written: the rating's name in lower case, or "unrated".</summary>
    private static string RatingText(Rating rating) => rating switch
    {
        Rating.None => "unrated",
        Rating.Blue => "blue",
        Rating.Green => "green",
        Rating.Amber => "amber",
        Rating.Red => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    /// <summary>A query string built up one escaped pair at a time.</summary>
    private struct Query
    {
        private string? _text;

        public void Add(string name, Guid value) => Add(name, value.ToString());

        public void Add(string name, string value) =>
            _text = (_text is null ? "?" : _text + "&") + name + "=" + Uri.EscapeDataString(value);

        public void AddAll(Query other)
        {
            if (other._text is not null)
                _text = (_text is null ? "?" : _text + "&") + other._text[1..];
        }

        public readonly string AppendTo(string path) => _text is null ? path : path + _text;
    }
}
