using ServicePlan.Progress;
using ServicePlan.UpdateSheet;
using static ServicePlan.Tests.UpdateSheet.FilledSheet;

namespace ServicePlan.Tests.UpdateSheet;

public class SheetPreviewRulesTests
{
    private static readonly Guid Other = Guid.Parse("0190f000-0000-7000-8000-0000000000b9");
    private static readonly DateTime Later = new(2024, 10, 20, 12, 0, 0, DateTimeKind.Utc);

    private static SheetUpload Sheet(params SheetEntry[] entries) => new(new SheetStamp(PlanId, ReviewId, LeadId, MadeAt), entries, []);

    private static SheetEntry Entry(Guid action, UpdateSeen? seen, int row = 8) => new(row, action, action == First ? "1.1" : "1.2", Rating.Green, "Going well.", seen);

    private static PlanNow Plan(LatestUpdate? firstLatest = null, bool firstLed = true, Guid? openReview = null, string? readOnly = null) => new(
        PlanId,
        openReview ?? ReviewId,
        readOnly,
        new Dictionary<Guid, ActionNow>
        {
            [First] = new("1.1", firstLed, firstLatest),
            [Second] = new("1.2", true, null),
        });

    private static LatestUpdate Update(Guid id, int version = 2, string author = "Alex Roe") => new(id, version, Rating.Red, author, Later);

    [Fact]
    public void Each_filled_row_becomes_an_update_for_its_action()
    {
        var preview = SheetPreviewRules.Preview(Sheet(Entry(First, new(FirstUpdate, 2)), Entry(Second, null, row: 9)), Plan(Update(FirstUpdate)));

        Assert.True(preview.CanApply);
        Assert.Equal([("1.1", Rating.Green, false), ("1.2", Rating.Green, false)], preview.Updates.Select(u => (u.Ref, u.Rating, u.Conflict is not null)));
    }

    [Theory]
    [InlineData("same", "same", false)]
    [InlineData("same", "newer", true)]
    [InlineData("none", "newer", true)]
    [InlineData("none", "none", false)]
    [InlineData("same", "corrected", true)]
    public void A_row_whose_action_was_updated_after_the_sheet_was_made_is_a_conflict(string seen, string now, bool conflict)
    {
        UpdateSeen? saw = seen == "same" ? new(FirstUpdate, 2) : null;
        LatestUpdate? latest = now switch
        {
            "same" => Update(FirstUpdate),
            "newer" => Update(Other),
            "corrected" => Update(FirstUpdate, version: 3),
            _ => null,
        };

        var preview = SheetPreviewRules.Preview(Sheet(Entry(First, saw)), Plan(latest));

        Assert.Equal(conflict, preview.Updates.Single().Conflict is not null);
        Assert.Empty(preview.Errors);
    }

    [Fact]
    public void A_conflict_says_what_changed()
    {
        var conflict = SheetPreviewRules.Conflict(new(FirstUpdate, 2), Update(Other, author: "Alex Roe"));

        Assert.Equal(new SheetConflict(Other, "Updated since the sheet was made: Red by Alex Roe on 20 October 2024"), conflict);
    }

    [Fact]
    public void A_conflict_is_confirmed_only_while_the_update_confirmed_is_still_the_latest()
    {
        var preview = SheetPreviewRules.Preview(Sheet(Entry(First, new(FirstUpdate, 2))), Plan(Update(Other)));

        Assert.Single(SheetPreviewRules.Unconfirmed(preview, new HashSet<Guid>()));
        Assert.Empty(SheetPreviewRules.Unconfirmed(preview, new HashSet<Guid> { Other }));
        Assert.Single(SheetPreviewRules.Unconfirmed(preview, new HashSet<Guid> { FirstUpdate }));
    }

    [Theory]
    [InlineData("another plan", "This update sheet is for another plan")]
    [InlineData("closed review", "This update sheet was made for an earlier review")]
    [InlineData("no review", "The plan has no open review")]
    [InlineData("archived", "This plan is archived, so its progress can no longer be updated")]
    public void A_sheet_that_does_not_fit_the_plan_now_is_refused_whole(string situation, string message)
    {
        var plan = situation switch
        {
            "another plan" => Plan() with { PlanId = Other },
            "closed review" => Plan(openReview: Other),
            "no review" => Plan() with { OpenReviewId = null },
            _ => Plan(readOnly: "This plan is archived"),
        };

        var preview = SheetPreviewRules.Preview(Sheet(Entry(First, null)), plan);

        Assert.False(preview.CanApply);
        Assert.Empty(preview.Updates);
        Assert.StartsWith(message, Assert.Single(preview.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_not_in_the_plan_or_no_longer_the_leads_is_an_error_on_its_row()
    {
        var stranger = Guid.Parse("0190f000-0000-7000-8000-0000000000c1");
        var sheet = Sheet(Entry(First, null), new SheetEntry(11, stranger, "7.7", Rating.Red, "Stuck.", null));

        var preview = SheetPreviewRules.Preview(sheet, Plan(firstLed: false));

        Assert.False(preview.CanApply);
        Assert.Equal(
            [(8, "Ref", "Action 1.1 is not led by this sheet's lead"), (11, "Ref", "Action 7.7 is not in this plan")],
            preview.Errors.Select(e => (e.Row, e.Column, e.Message[..e.Message.IndexOf(" (", StringComparison.Ordinal)])));
    }

    [Fact]
    public void A_sheet_with_nothing_filled_in_cannot_be_applied()
    {
        var preview = SheetPreviewRules.Preview(Sheet(), Plan());

        Assert.False(preview.CanApply);
        Assert.Contains("no updates filled in", Assert.Single(preview.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_from_reading_the_sheet_stop_it_being_applied()
    {
        var sheet = Sheet(Entry(First, null)) with { Errors = [new ServicePlan.Import.ImportIssue(9, "Rating", "\"Purple\" is not a BRAG rating.")] };

        var preview = SheetPreviewRules.Preview(sheet, Plan());

        Assert.False(preview.CanApply);
        Assert.Single(preview.Updates);
    }
}
