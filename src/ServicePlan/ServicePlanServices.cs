using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePlan.Audit;
using ServicePlan.CommitteeReport;
using ServicePlan.Database;
using ServicePlan.Demo;
using ServicePlan.Import;
using ServicePlan.Plans;
using ServicePlan.Privacy;
using ServicePlan.Progress;
using ServicePlan.Redaction;
using ServicePlan.Reminders;
using ServicePlan.Reviews;
using ServicePlan.Rollover;
using ServicePlan.Sources;
using ServicePlan.Users;
using ServicePlan.YouSaidWeDid;

namespace ServicePlan;

public static class ServicePlanServices
{
    /// <summary>
    /// Everything the users' tasks need, registered once for the web app, the command line, the tests and the
    /// benchmarks, so that each door runs the same code against the same database. Each host adds only what is its own:
    /// sign-in and pages for the web app, the person named in the audit trail for the command line.
    /// </summary>
    public static IServiceCollection AddServicePlan(this IServiceCollection services, ServicePlanDatabase database)
    {
        database.AddTo(services);
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);

        services.AddIdentityCore<ApplicationUser>(IdentitySetup.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ServicePlanDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddTokenProvider<PasswordLinkTokenProvider>(PasswordLinkTokenProvider.Name);
        // The password links' tokens are encrypted with the app's data-protection keys (the web app adds the same).
        services.AddDataProtection();
        services.AddScoped<UserAccounts>();
        services.AddScoped<Invitations>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ApiKeys>();

        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanChanges>();
        services.AddScoped<PlanTables>();
        services.AddScoped<ActionQueries>();
        services.AddScoped<ActionListPreferences>();
        services.AddScoped<ActionDetails>();
        services.AddScoped<ActionEditing>();
        services.AddScoped<PlanHeaderEditing>();
        services.AddScoped<PlanArchiving>();
        services.AddScoped<PlanStructure>();
        services.AddScoped<ActionLineages>();
        services.AddScoped<PlanImporter>();
        services.AddScoped<ServicePlan.People.PlanPeople>();
        services.AddScoped<ProgressRecording>();
        services.AddScoped<ProgressBatch>();
        services.AddScoped<CommentEditing>();
        services.AddScoped<UpdateSheet.UpdateSheets>();
        services.AddScoped<Redactions>();
        services.AddScoped<ReviewQueries>();
        services.AddScoped<ReviewWorkflow>();
        services.AddScoped<PlanRollover>();
        services.AddScoped<CommitteeReports>();
        services.AddScoped<PublicPaperChecks>();
        services.AddScoped<EntryChecks>();
        services.AddScoped<Narratives>();
        services.AddScoped<SourceRegister>();
        services.AddScoped<YouSaidWeDidPages>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<ReminderLedger>();
        services.AddScoped<ReviewChase>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<DemoGenerator>();
        return services;
    }
}
