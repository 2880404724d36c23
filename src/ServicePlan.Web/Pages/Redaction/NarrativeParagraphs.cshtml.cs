using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Pages.Redaction;

/// <summary>A review's saved narrative, a paragraph at a time, each with a link for the owner to redact it.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class NarrativeParagraphsModel(ServicePlanDbContext db, CurrentUser user) : PageModel
{
    public Review Review { get; private set; } = null!;

    /// <summary>Each written field that has words, with its paragraphs by number (empty ones left out).</summary>
    public IReadOnlyList<(string Field, string Label, IReadOnlyList<(int Index, string Text)> Paragraphs)> Fields { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == reviewId && db.Plans.VisibleTo(user.OrganisationId).Any(p => p.Id == r.PlanId), ct);
        if (review is null)
            return NotFound();
        Review = review;
        var narrative = await db.Narratives.AsNoTracking().FirstOrDefaultAsync(n => n.ReviewId == reviewId, ct);
        if (narrative is not null)
        {
            Fields = RedactionFields.Narrative
                .Select(f => (f.Field, f.Label, Paragraphs: (IReadOnlyList<(int, string)>)RedactionText.Paragraphs((string?)typeof(ReviewNarrative).GetProperty(f.Field)!.GetValue(narrative))
                    .Select((text, index) => (index, text.Trim()))
                    .Where(p => p.Item2.Length > 0)
                    .ToList()))
                .Where(f => f.Paragraphs.Count > 0)
                .ToList();
        }

        return Page();
    }
}
