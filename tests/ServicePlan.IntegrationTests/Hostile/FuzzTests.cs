using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Tests.Import;
using ServicePlan.Users;
using Xunit.Abstractions;

namespace ServicePlan.IntegrationTests.Hostile;

/// <summary>
/// Generated hostile input into every form field, route value, query string and API call: the app must answer with a
/// validation message or a 4xx, never a 500, and never echo a payload unescaped. Forms are found by reading each page's
/// HTML, so a field added to a page is fuzzed without touching this test; pages are listed so a missing one is noticed.
/// Deterministic: the values and their order come from a fixed list and a seeded <see cref="Random"/>.
/// </summary>
[Trait("Category", "Database")]
public sealed class FuzzTests(ServicePlanAppFixture app, ITestOutputHelper output) : IClassFixture<ServicePlanAppFixture>
{
    /// <summary>Hostile values per field on top of the ones every field gets: keeps the whole class well under two minutes.</summary>
    private const int ExtraValuesPerField = 4;

    /// <summary>Every page that has a form (signed in as Admin, who can reach them all), with its ids as placeholders.</summary>
    public static TheoryData<string> FormPages => new()
    {
        "/account/sign-in",
        "/account/change-password",
        "/account/api-keys",
        "/plans/{plan}/actions",
        "/actions/{action}/edit",
        "/actions/{action}/progress",
        "/actions/{updatedAction}/updates/{update}/exempt",
        "/actions/{updatedAction}/updates/{update}/redact",
        "/actions/{action}/redact/{field}",
        "/plans/{plan}/reviews",
        "/reviews/{review}",
        "/reviews/{review}/narrative",
        "/reviews/{review}/personal-data",
        "/plans/{plan}/rollover",
        "/plans/import",
        "/plans/{plan}/update-sheet",
        "/sources",
        "/sources/add",
        "/sources/{source}/edit",
        "/sources/merge",
        "/you-said-we-did/edit",
        "/admin/users/add",
        "/admin/audit",
    };

    /// <summary>Pages with no form of their own, fuzzed through their route values and query strings.</summary>
    public static TheoryData<string> RoutePages => new()
    {
        "/",
        "/plans",
        "/plans/{plan}",
        "/plans/{plan}/export/{format}?public={bool}",
        "/actions/{action}",
        "/my-actions",
        "/reviews/{review}/report/{format}?public={bool}",
        "/sources/{source}",
        "/you-said-we-did/preview",
        "/you-said-we-did/{key}",
        "/admin/users",
        "/account/access-denied?ReturnUrl={text}",
        "/account/sign-out",
        "/account/sign-in/external?returnUrl={text}&handler=Callback",
        "/error/{code}",
        "/accessibility",
        "/plans/{plan}/actions?section={guid}&lead={guid}&rating={text}&source={guid}&overdue={bool}&q={text}",
        "/admin/audit?Entity={text}&Who={text}&From={text}&To={text}&Text={text}&older={int}&handler=Export",
        "/account/sign-in?ReturnUrl={text}",
        "/account/change-password?changed={bool}",
        "/users/set-password?user={text}&token={text}&done={bool}",
        "/admin/users/{text}",
        "/sources?kind={text}",
        "/plans/{plan}/rollover?Period={text}",
        // The admin leads none of the demo plan's actions; the quick update form's bad input has its own tests.
        "/plans/{plan}/quick-update/{guid}",

        // The admin wrote none of the demo comments, so is turned away from changing them; the demo has no narrative to redact.
        "/actions/{updatedAction}/updates/{update}/edit",
        "/reviews/{review}/narrative/redact",
        "/reviews/{review}/narrative/redact/{narrativeField}/{int}",

        // The plan's life and structure: read here through their routes only, since posting their forms at the demo plan
        // would archive, delete or take apart the plan the other cases read. Their forms' bad input has its own tests.
        "/plans/{plan}/header",
        "/plans/{plan}/archive",
        "/plans/{plan}/delete",
        "/plans/{plan}/structure",
        "/plans/{plan}/structure/removed",
        "/plans/{plan}/structure/sections/add",
        "/plans/{plan}/structure/sections/{guid}/rename",
        "/plans/{plan}/structure/sections/{guid}/remove",
        "/plans/{plan}/structure/sections/{guid}/renumber",
        "/plans/{plan}/structure/sections/{guid}/objectives/add",
        "/plans/{plan}/structure/objectives/{guid}/edit",
        "/plans/{plan}/structure/objectives/{guid}/remove",
        "/plans/{plan}/structure/objectives/{guid}/actions/add",
        "/plans/{plan}/structure/actions/{action}/move",
        "/plans/{plan}/structure/actions/{action}/remove",
        "/plans/{plan}/people",
        "/plans/{plan}/people/{guid}",
        "/plans/{plan}/people/{guid}/merge?into={guid}",
        "/team",
    };

    /// <summary>
    /// Values a real user would type into fields that start empty, so a post gets past "enter a …" to the code that
    /// stores it while one other field carries the hostile value. Chosen so that nothing here can sign anyone in or
    /// change a password.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Typed = new()
    {
        ["/account/sign-in"] = new() { ["Input.Email"] = "nobody@serviceplan.example", ["Input.Password"] = "not-the-password" },
        ["/account/change-password"] = new() { ["Input.CurrentPassword"] = "not-the-password", ["Input.NewPassword"] = "a-new-password-2024", ["Input.ConfirmPassword"] = "a-new-password-2024" },
        ["/actions/{action}/progress"] = new() { ["Input.Comment"] = "Progress as planned." },
        ["/plans/{plan}/reviews"] = new() { ["Input.Label"] = "Q2 2024-25", ["Input.Day"] = "15", ["Input.Month"] = "10", ["Input.Year"] = "2024" },
        ["/sources/add"] = new() { ["Input.Title"] = "Care leavers' survey" },
        ["/admin/users/add"] = new() { ["Input.Email"] = "new.person@serviceplan.example", ["Input.Name"] = "New Person", ["Input.Role"] = Roles.Viewer },
    };

    /// <summary>Pages that show stored text: read after each fuzz run, so a stored payload that breaks rendering or an export is found.</summary>
    private static readonly string[] ReadBack =
    [
        "/plans/{plan}", "/plans/{plan}/actions", "/actions/{action}", "/actions/{updatedAction}", "/my-actions",
        "/reviews/{review}", "/reviews/{review}/report/html", "/reviews/{review}/report/docx", "/reviews/{review}/report/json",
        "/reviews/{review}/report/html?public=true", "/reviews/{review}/personal-data", "/plans/{plan}/export/xlsx?public=true",
        "/plans/{plan}/export/csv", "/sources", "/sources/{source}", "/you-said-we-did/preview", "/admin/users", "/admin/audit?Text=a",
        "/api/plans/{plan}", "/api/plans/{plan}/actions?q=a", "/api/actions/{action}",
    ];

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task Every_form_field_answers_hostile_input_with_a_message_or_4xx_never_a_500(string template)
    {
        var ids = await IdsAsync();
        var url = Fill(template, ids);
        using var client = app.CreateClient();
        if (template != "/account/sign-in")
            await client.SignInAsync(Roles.Admin);
        var random = new Random(HostileValues.Seed + StableHash(template));
        var failures = new List<string>();
        var requests = 0;
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        if (template == "/reviews/{review}/personal-data")
            await SeedAFindingAsync();
        var forms = await FormsOnAsync(client, url, template);
        Assert.True(forms.Count > 0, $"{url} has no form to fuzz: take it off the list of form pages, or fix the page.");
        for (var f = 0; f < forms.Count; f++)
        {
            var form = forms[f];
            foreach (var field in form.Fields)
            {
                var values = field == form.FileField ? HostileFiles(random) : HostileValues.ForField(random, ExtraValuesPerField).Select(h => (h.Name, h, (byte[]?)null)).ToList();
                foreach (var (name, value, file) in values)
                {
                    var response = await SendAsync(client, form, field, value, file);
                    requests++;
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    var page = await CheckAsync(response, $"{form.Method} {form.Action} {field} = {name}", failures);
                    if (field == form.FileField && ConfirmForm(url, page) is { } confirm)
                    {
                        // The file passed its check: import it for real, so hostile cells reach the database too.
                        await CheckAsync(await SendAsync(client, confirm, "", Hostile.Text("", ""), null), $"importing {name}", failures);
                        requests++;
                    }

                    if ((int)response.StatusCode is >= 300 and < 400 && form.Method == "post")
                    {
                        // Something was saved (or the session moved on): read the form again so the next post carries
                        // the current version and token instead of failing for a stale one.
                        var again = await FormsOnAsync(client, url, template);
                        if (again.Count <= f)
                            break;
                        form = again[f];
                    }
                }
            }
        }

        requests += await ReadBackAsync(client, ids, failures);
        output.WriteLine($"{url}: {forms.Count} form(s), {forms.Sum(f => f.Fields.Count)} field(s), {requests} requests in {clock.Elapsed.TotalSeconds:0.0} s; "
            + string.Join(", ", statuses.Select(s => $"{s.Value} × {s.Key}")));
        Assert.True(failures.Count == 0, $"{failures.Count} hostile request(s) to {url} were not answered properly:\n" + string.Join("\n", failures.Take(40)));
    }

    [Theory]
    [MemberData(nameof(RoutePages))]
    public async Task Every_route_value_and_query_string_answers_hostile_input_with_a_4xx_never_a_500(string template)
    {
        var ids = await IdsAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Admin);
        var random = new Random(HostileValues.Seed + StableHash(template));
        var failures = new List<string>();

        var sent = 0;
        foreach (var (url, what) in HostileUrls(template, ids, random))
        {
            await CheckAsync(await client.Http.GetAsync(url), $"GET {url[..Math.Min(url.Length, 200)]} ({what})", failures);
            sent++;
        }

        if (sent == 0)
            await CheckAsync(await client.Http.GetAsync(Fill(template, ids)), $"GET {template}", failures);
        output.WriteLine($"{template}: {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} hostile request(s) to {template} were not answered properly:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>The routes of src/ServicePlan.Web/Api/ServicePlanApi.cs, with their query parameters.</summary>
    public static TheoryData<string> ApiRoutes => new()
    {
        "/api/plans",
        "/api/plans/{plan}",
        "/api/plans/{plan}/actions?section={guid}&lead={guid}&rating={text}&source={guid}&overdue={bool}&q={text}",
        "/api/actions/{action}",
    };

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task Every_API_route_answers_hostile_paths_queries_and_bodies_with_a_4xx_never_a_500(string template)
    {
        var ids = await IdsAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Admin);
        var random = new Random(HostileValues.Seed + StableHash(template));
        var failures = new List<string>();

        foreach (var (url, what) in HostileUrls(template, ids, random))
            await CheckAsync(await client.Http.GetAsync(url), $"GET {url[..Math.Min(url.Length, 200)]} ({what})", failures);

        // The API reads no bodies: any method or body a client invents must be turned away at the door.
        var path = Fill(template.Split('?')[0], ids);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            foreach (var (name, body) in JsonBodies())
            {
                using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                await CheckAsync(await client.Http.SendAsync(request), $"{method} {path} with {name}", failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} hostile request(s) to {template} were not answered properly:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void Every_page_of_the_app_is_on_a_list_of_fuzzed_pages()
    {
        // A new page must join FormPages or RoutePages, or its fields go untested.
        var listed = ((IEnumerable<object[]>)FormPages).Concat(RoutePages).Select(row => Route((string)row[0])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pages = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => Route("/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Distinct()
            .ToList();

        Assert.Empty(pages.Where(p => !listed.Contains(p)).Order());
    }

    /// <summary>The template's URL with one route value or query parameter hostile at a time, the others ordinary.</summary>
    private static IEnumerable<(string Url, string What)> HostileUrls(string template, Dictionary<string, string> ids, Random random)
    {
        var parts = template.Split('?', 2);
        var path = parts[0];
        var query = parts.Length > 1 ? parts[1].Split('&').Select(p => p.Split('=', 2)).Select(p => (Name: p[0], Value: p[1])).ToList() : [];
        string Query(int hostile, string value) =>
            query.Count == 0 ? "" : "?" + string.Join('&', query.Select((q, i) => q.Name + "=" + (i == hostile ? value : Fill(q.Value, ids))));

        foreach (var placeholder in System.Text.RegularExpressions.Regex.Matches(path, @"\{\w+\}").Select(m => m.Value).Distinct())
        {
            foreach (var value in HostileValues.ForField(random, ExtraValuesPerField * 2))
            {
                // Kestrel refuses a NUL in a path with 400 before the app sees it; the in-memory test server cannot carry one.
                if (value.Bytes.Contains((byte)0))
                    continue;
                yield return (Fill(path.Replace(placeholder, Encoded(value), StringComparison.Ordinal), ids) + Query(-1, ""), $"{placeholder} = {value.Name}");
            }
        }

        for (var i = 0; i < query.Count; i++)
        {
            foreach (var value in HostileValues.ForField(random, ExtraValuesPerField * 2))
                yield return (Fill(path, ids) + Query(i, Encoded(value)), $"{query[i].Name} = {value.Name}");
        }
    }

    private static string Encoded(Hostile value)
    {
        var encoded = new List<byte>();
        HostileValues.AppendEncoded(encoded, value.Bytes, raw: false);
        return Encoding.ASCII.GetString([.. encoded]);
    }

    /// <summary>"/plans/{planId:guid}/actions" and "/plans/{plan}/actions?q=…" both become "/plans/{}/actions".</summary>
    private static string Route(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]*\}", "{}").Split('?')[0].TrimEnd('/') is { Length: > 0 } route ? route : "/";

    private sealed record Form(string Method, string Action, bool Multipart, List<(string Name, string Value)> Values, List<string> Fields, string? FileField);

    /// <summary>Every form on the page, as a browser would submit it, with one entry per submit button that posts elsewhere.</summary>
    private async Task<List<Form>> FormsOnAsync(TestClient client, string url, string template)
    {
        var response = await client.Http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            return [];
        var document = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var forms = Discover(url, document, Typed.GetValueOrDefault(template)).ToList();

        // The import's confirm form appears only after a file is checked: check the demo plan's own sheet to reach it.
        if (template == "/plans/import" && forms.FirstOrDefault(f => f.FileField is not null) is { } upload)
        {
            var preview = await SendAsync(client, upload, upload.FileField!, Hostile.Text("sdp-2024-25.csv", ""), DemoSheet);
            if (ConfirmForm(url, await preview.Content.ReadAsStringAsync()) is { } confirm)
                forms.Add(confirm);
        }

        return forms;
    }

    private static Form? ConfirmForm(string url, string page) =>
        Discover(url, TestClient.Parse(page), null).FirstOrDefault(f => f.FileField is null && f.Action.Contains("handler=Confirm", StringComparison.Ordinal));

    private static IEnumerable<Form> Discover(string pageUrl, IHtmlDocument document, Dictionary<string, string>? typed)
    {
        foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            var method = (form.GetAttribute("method") ?? "get").ToLowerInvariant();
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
            // Signing out ends the session every other post needs; its form has no field but the token.
            if (action.StartsWith("/account/sign-out", StringComparison.OrdinalIgnoreCase))
                continue;

            var values = new List<(string Name, string Value)>();
            var fields = new List<string>();
            string? fileField = null;
            foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
            {
                var name = element.GetAttribute("name")!;
                if (!fields.Contains(name))
                    fields.Add(name);
                switch (element)
                {
                    case IHtmlInputElement { Type: "file" }:
                        fileField = name;
                        break;
                    case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                        if (box.IsChecked)
                            values.Add((name, box.Value));
                        break;
                    case IHtmlInputElement input:
                        values.Add((name, input.Value));
                        break;
                    case IHtmlTextAreaElement textArea:
                        values.Add((name, textArea.Value));
                        break;
                    case IHtmlSelectElement select:
                        var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault(o => o.Value.Length > 0);
                        if (option is not null)
                            values.Add((name, option.Value));
                        break;
                    default:
                        break;
                }
            }

            foreach (var (name, value) in typed ?? [])
            {
                if (values.FindIndex(v => v.Name == name) is var index and >= 0 && values[index].Value.Length == 0)
                    values[index] = (name, value);
            }

            // A radio group with nothing chosen yet: choose its first option, as a user would.
            foreach (var name in fields.Where(n => values.All(v => v.Name != n)))
            {
                if (form.QuerySelector($"input[type=radio][name='{name}']") is IHtmlInputElement radio)
                    values.Add((name, radio.Value));
            }

            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            var targets = form.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!).Distinct().ToList();
            foreach (var target in targets.Count > 0 ? targets : [action])
                yield return new Form(method, target, multipart, values, fields, fileField);
        }
    }

    /// <summary>The form as a browser would send it, but with every value of one field replaced by the hostile value.</summary>
    private static Task<HttpResponseMessage> SendAsync(TestClient client, Form form, string field, Hostile value, byte[]? file)
    {
        var fields = form.Values.Where(v => v.Name != field && v.Name != form.FileField).Select(v => (v.Name, Hostile.Text("", v.Value))).ToList();
        if (field != form.FileField)
            fields.Add((field, value));

        if (form.Method != "post")
        {
            var query = Encoding.ASCII.GetString(HostileValues.Encode(fields));
            return client.Http.GetAsync(form.Action.Split('?')[0] + "?" + query);
        }

        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, hostile) in fields)
                multipart.Add(new ByteArrayContent(hostile.Bytes), name);
            if (form.FileField is { } fileField)
            {
                var (fileName, bytes) = field == fileField ? (value.Name, file ?? value.Bytes) : ("sdp-2024-25.csv", DemoSheet);
                multipart.Add(new ByteArrayContent(bytes), fileField, fileName);
            }

            return client.Http.PostAsync(form.Action, multipart);
        }

        var body = new ByteArrayContent(HostileValues.Encode(fields));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return client.Http.PostAsync(form.Action, body);
    }

    private static byte[] DemoSheet => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "sdp-2024-25.csv"));

    /// <summary>Files for the upload field: named for what they are, as the name is also what the reader goes by.</summary>
    private static List<(string Name, Hostile Value, byte[]? File)> HostileFiles(Random random)
    {
        var noise = new byte[64 * 1024];
        random.NextBytes(noise);
        var header = "Section,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n";
        var csv = new StringBuilder(header);
        foreach (var (value, i) in HostileValues.All.Where(h => h.Bytes.Length < 5000).Select((h, i) => (h.AsString.Replace("\"", "\"\"", StringComparison.Ordinal), i)))
            csv.Append(CultureInfo.InvariantCulture, $"Safe,\"Aim {i} {value}\",HoS,\"{value}\",\"{value}\",Measure,Experience,{(i % 3 == 0 ? value : "Green")},\"{value}\"\r\n");
        var longCsv = new StringBuilder(header);
        for (var i = 0; i < 200; i++)
            longCsv.Append(CultureInfo.InvariantCulture, $"Safe,Aim {i},HoS,Action {i},Jun-24,Measure,Experience,Green,Comment {i}\r\n");
        longCsv.Append("Safe,Aim with a NUL,HoS,\"Action\0with a NUL\",Jun-24,Measure,Experience,Green,Comment\r\n");

        var workbook = new TestWorkbook().Sheet("Plan", s => s
            .Row(1, "Section", "Why?", "Who?", "Does what?", "By when?", "How will we know it has been done?", "What will be the experience of children?", "RAG rated progress", "Comments on progress")
            .Row(2, "Safe _x0000_", "Aim _x0000_ with an escaped NUL", "HoS", "Does _x001B_ and _xD800_ and _xFFFF_", "1e309", HostileValues.Script, HostileValues.ImageOnError, "Green", "'; DROP TABLE Actions; --")
            .Row(3, "Safe", "Aim", "HoS", "Does", "99999", "Measure", "Experience", "Green", new string('x', 40_000))).ToBytes();

        List<(string, byte[])> files =
        [
            ("noise.xlsx", noise),
            ("noise.csv", noise),
            ("empty.xlsx", []),
            ("not-a-zip.xlsx", Encoding.ASCII.GetBytes("PK\u0003\u0004 and then nothing a zip should have")),
            ("hostile.csv", Encoding.UTF8.GetBytes(csv.ToString())),
            ("nul-after-the-sample.csv", Encoding.UTF8.GetBytes(longCsv.ToString())),
            ("hostile.xlsx", workbook),
            ("hostile.xlsx.exe", workbook),
            ("../../../etc/passwd.csv", Encoding.UTF8.GetBytes(header)),
            ("<script>alert(1)</script>.csv", Encoding.UTF8.GetBytes(header)),
        ];
        return files.Select(f => (f.Item1, new Hostile(f.Item1, f.Item2), (byte[]?)f.Item2)).ToList();
    }

    private static IEnumerable<(string Name, byte[] Body)> JsonBodies()
    {
        yield return ("malformed JSON", "{\"title\": \"unterminated"u8.ToArray());
        yield return ("wrong types", "{\"id\": [], \"version\": \"one\", \"rating\": {\"nested\": true}}"u8.ToArray());
        yield return ("huge numbers", "{\"version\": 1e309, \"order\": -99999999999999999999999999999}"u8.ToArray());
        yield return ("a lone surrogate", "{\"comment\": \"\\ud800\"}"u8.ToArray());
        yield return ("deep nesting", Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("invalid UTF-8", [(byte)'"', 0xFF, 0xFE, (byte)'"']);
    }

    /// <summary>Not 5xx, and no payload reflected unescaped in an HTML page.</summary>
    private static async Task<string> CheckAsync(HttpResponseMessage response, string what, List<string> failures)
    {
        using var _ = response;
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            failures.Add($"{what}: {status}");
        }
        else if (response.Content.Headers.ContentType?.MediaType == "text/html"
            && (body.Contains(HostileValues.Script, StringComparison.OrdinalIgnoreCase) || body.Contains("<img src=x onerror", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{what}: {status}, and the page holds the payload unescaped");
        }

        return body;
    }

    private async Task<int> ReadBackAsync(TestClient client, Dictionary<string, string> ids, List<string> failures)
    {
        foreach (var template in ReadBack)
        {
            var url = Fill(template, ids);
            await CheckAsync(await client.Http.GetAsync(url), $"reading back GET {url}", failures);
        }

        return ReadBack.Length;
    }

    /// <summary>The demo data's ids, found by what does not change however the fuzzing edits the text.</summary>
    /// <summary>
    /// A comment the personal-data check flags, so the review's personal-data page has its forms. Written straight to
    /// the database, as an import stores it: the progress form now warns about such a comment instead of saving it.
    /// </summary>
    private async Task SeedAFindingAsync()
    {
        await using var db = app.Database.CreateContext();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.RatingsAreIllustrative);
        var action = await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id && a.Ref == "28").Select(a => a.Id).SingleAsync();
        await db.ProgressUpdates.Where(u => u.ActionId == action).ExecuteUpdateAsync(u => u.SetProperty(x => x.Comment, "Tyler Jones (DOB 03/04/2012) joined the group."));
    }

    private async Task<Dictionary<string, string>> IdsAsync()
    {
        await using var db = app.Database.CreateContext();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.RatingsAreIllustrative);
        var action = await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Order).Select(a => a.Id).FirstAsync();
        var update = await db.ProgressUpdates.AsNoTracking()
            .Where(u => db.Actions.Any(a => a.Id == u.ActionId && a.PlanId == plan.Id && a.Order == 2))
            .OrderBy(u => u.RecordedAtUtc).Select(u => new { u.Id, u.ActionId }).FirstAsync();
        var review = await db.Reviews.AsNoTracking().Where(r => r.PlanId == plan.Id).OrderBy(r => r.Date).Select(r => r.Id).FirstAsync();
        var sources = await db.Sources.AsNoTracking().Where(s => s.OrganisationId == plan.OrganisationId).Select(s => s.Id).ToListAsync();
        return new()
        {
            ["{plan}"] = plan.Id.ToString(),
            ["{action}"] = action.ToString(),
            ["{updatedAction}"] = update.ActionId.ToString(),
            ["{update}"] = update.Id.ToString(),
            ["{review}"] = review.ToString(),
            ["{source}"] = sources.Min().ToString(),
            ["{format}"] = "html",
            ["{bool}"] = "true",
            ["{guid}"] = Guid.Empty.ToString(),
            ["{text}"] = "a",
            ["{int}"] = "1",
            ["{key}"] = "city-of-london",
            ["{code}"] = "404",
            ["{field}"] = "does-what",
            ["{narrativeField}"] = "Background",
        };
    }

    private static string Fill(string template, Dictionary<string, string> ids) =>
        ids.Aggregate(template, (url, id) => url.Replace(id.Key, id.Value, StringComparison.Ordinal));

    /// <summary>string.GetHashCode differs between runs; the seed must not.</summary>
    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
