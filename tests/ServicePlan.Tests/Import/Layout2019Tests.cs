using ServicePlan.Import;
using ServicePlan.Plans;
using ServicePlan.Progress;
using static ServicePlan.Tests.Import.SheetBuilder;

namespace ServicePlan.Tests.Import;

/// <summary>The older layout of the 2019-20 plan (seed 003, pages 63-84): a labelled header block and a Section column.</summary>
public sealed class Layout2019Tests
{
    private static Sheet Sheet2019() => Sheet("SDP 2019-20",
        ["Name:", "Children's Social Care and Early Help Service Development Plan"],
        ["Duration:", "April 2019-March 2020"],
        ["Relevant Strategies", "Corporate Parenting Strategy/Early Help Strategy/Young Carer's Strategy/Children & Young People's Plan"],
        ["Board responsible for monitoring action plan:", "Safeguarding Sub Committee/CSMT/DLT"],
        ["Owner:", "Service Manager Children's Social Care and Early Help - Rachel Green"],
        ["Implementation Date:", "Sep-19"],
        ["Review Date:", "Jan-20"],
        ["Frequency of monitoring/reporting", "Quarterly"],
        ["Aims:", "The aim of this plan is to improve services for children, young people and their families."],
        ["The plan is created with ideas from young people, staff, professionals and research:", "Young people (Action for Children)\nIRO Annual Report\nInternal Audit"],
        ["People involved in delivering the plan:", "Rachel Green\nHeather Smith\nAmanda Morres\nSadie Carnegie", "RG\nHS\nAM\nSC", "Service Manager\nTeam Manager\nDeputy Team Manager\nEarly Help & Short Breaks Lead"],
        ["The plan is structured to follow the Children and Young People's Plan 2018-21"],
        [],
        ["Section", "Ref", "Specific aim:", "Action:", "Measure/outcome:", "Due", "Lead", "Comments:", "Green"],
        ["Safe", "1", "All families have a clear reason for involvement in CIN process (Action for children)", "Recruit DTM to chair first CIN meetings", "Family feedback", "Oct-19", "RG", "Sept: DTM in place.", "Green"],
        ["", "3", "Staff to have been on refresher contextual safeguarding training (QA Annual Report)", "All frontline staff to book on training.", "Workforce development list", "Dec-19", "HS", "All permanent staff have had training.", "Green"],
        ["", "6", "", "Decision making recorded.", "November Audit evidences quality.", "", "HS/AM/ SaC", "Jan: TM has been more thorough.", "Amber"],
        ["Potential", "12", "Care leavers in education (Ofsted 2016)", "Pathway plans reviewed.", "Audit", "Mar-20", "SC", "", "Complet ed"]);

    [Fact]
    public void The_labelled_header_block_fills_the_plan_header()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2019()), new ImportOptions());

        Assert.Empty(plan.Errors);
        var header = plan.Header;
        Assert.Equal("Children's Social Care and Early Help Service Development Plan", header.Title);
        Assert.Equal(new FinancialYear(2019), header.Period);
        Assert.StartsWith("Corporate Parenting Strategy", header.RelevantStrategies);
        Assert.Equal("Safeguarding Sub Committee/CSMT/DLT", header.MonitoringBoard);
        Assert.EndsWith("Rachel Green", header.Owner);
        Assert.Equal(new DateOnly(2019, 9, 1), header.ImplementationDate);
        Assert.Equal(new DateOnly(2020, 1, 1), header.ReviewDate);
        Assert.Equal("Quarterly", header.ReviewFrequency);
        Assert.StartsWith("The aim of this plan", header.Aims);
        Assert.Contains("structured to follow the Children and Young People's Plan", header.Aims, StringComparison.Ordinal);
        Assert.Null(header.Service);
        Assert.Contains("IRO Annual Report", header.CreatedWithIdeasFrom);
    }

    [Fact]
    public void People_come_from_the_parallel_name_initials_and_role_cells()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2019()), new ImportOptions());

        Assert.Equal(
            [new ParsedPerson("Rachel Green", "RG", "Service Manager"), new ParsedPerson("Heather Smith", "HS", "Team Manager"),
             new ParsedPerson("Amanda Morres", "AM", "Deputy Team Manager"), new ParsedPerson("Sadie Carnegie", "SC", "Early Help & Short Breaks Lead")],
            plan.People);
    }

    [Fact]
    public void The_section_column_filled_on_its_first_row_carries_down()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2019()), new ImportOptions());

        Assert.Equal(["Safe", "Potential"], plan.Sections.Select(s => s.Title));
        Assert.Equal(["1", "3", "6"], plan.Sections[0].Objectives.SelectMany(o => o.Actions).Select(a => a.Ref));
        Assert.Equal(2, plan.Sections[0].Objectives.Count);
    }

    [Fact]
    public void A_rating_column_headed_by_a_rating_word_is_still_the_rating_column()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2019()), new ImportOptions());

        Assert.Equal([Rating.Green, Rating.Green, Rating.Amber, Rating.Blue], plan.Actions.Select(a => a.Rating));
    }

    [Fact]
    public void Sources_in_brackets_at_the_end_of_an_aim_are_found_once_each()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2019()), new ImportOptions());

        Assert.Equal(["Action for children", "QA Annual Report", "Ofsted 2016"], plan.Sources);
    }
}
