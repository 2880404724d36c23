using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using ServicePlan.Export;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Tests.Export;
using Xunit.Abstractions;

namespace ServicePlan.IntegrationTests.Import;

/// <summary>
/// The power goes, or someone kills the process, while `serviceplan import` is writing a large plan into a SQLite file
/// that already holds one. Afterwards the file is sound and holds either the whole new plan or none of it, with the
/// plan that was there untouched, and the next import works.
/// </summary>
public sealed class KillDuringImportTests(ITestOutputHelper output)
{
    /// <summary>Enough rows that the write takes seconds and spills out of SQLite's page cache before it commits.</summary>
    private const int Actions = 10_000;

    /// <summary>
    /// How far the write-ahead log (or, with a rollback journal, the database file) must have grown before the kill:
    /// the import's pages spilling from the cache, not the few pages the start-up's migration lock writes. The whole
    /// transaction is several times this, so this is early in it.
    /// </summary>
    private const long GrowthWhileWriting = 2 * 1024 * 1024;

    [Fact]
    public async Task Killing_the_import_mid_write_leaves_a_sound_database_with_all_of_the_new_plan_or_none_of_it()
    {
        var folder = Directory.CreateTempSubdirectory("serviceplan-kill-").FullName;
        try
        {
            var database = Path.Combine(folder, "serviceplan.db");
            var sheet = Path.Combine(folder, "large-plan.xlsx");
            var table = SamplePlans.Large(Actions);
            await using (var file = File.Create(sheet))
                XlsxPlanWriter.Write(table, file);

            var existing = await Processes.RunDotnetAsync(Processes.Cli, ["--db", database, "import", ImportCliTests.Fixture("sdp-2024-25.csv"), "--json"]);
            Assert.True(existing.ExitCode == 0, existing.StandardError + existing.StandardOutput);
            var before = Snapshot(database);
            Assert.Single(before.Plans);

            var clock = Stopwatch.StartNew();
            using (var import = Processes.StartDotnet(Processes.Cli, ["--db", database, "import", sheet, "--json"]))
            {
                var midWrite = await KillOnceWritingAsync(import.Process, database);
                output.WriteLine(midWrite
                    ? $"Killed mid-write after {clock.Elapsed.TotalSeconds:0.0} s, with {new FileInfo(database + "-wal").Length / 1024:N0} KB in the write-ahead log."
                    : $"The import finished in {clock.Elapsed.TotalSeconds:0.0} s before it could be killed (exit {import.Process.ExitCode}): {import.Output}");
            }

            var after = Snapshot(database);
            Assert.Equal("ok", after.Integrity);
            Assert.Empty(after.ForeignKeyViolations);
            Assert.Equal(before.Plans[0], after.Plans[0]);

            // All or nothing: the new plan whole, as the sheet has it, or no trace of it anywhere.
            var expected = new PlanCounts(
                "",
                table.Sections.Count,
                table.Sections.Sum(s => s.Rows.Count(r => r.Why.Length > 0)),
                Actions,
                table.Sections.Sum(s => s.Rows.Count(r => r.Rating != Rating.None || r.LatestComment.Length > 0)),
                1);
            if (after.Plans.Count == 1)
            {
                output.WriteLine("Outcome: none of the new plan is there.");
                Assert.Equal(before, after);
            }
            else
            {
                output.WriteLine("Outcome: the whole new plan is there.");
                Assert.Equal(2, after.Plans.Count);
                Assert.Equal(expected, after.Plans[1] with { Digest = "" });
                Assert.Equal(before.AuditEntries + 1, after.AuditEntries);
            }

            // The file is not just consistent but usable: the same import now runs to the end.
            var again = await Processes.RunDotnetAsync(Processes.Cli, ["--db", database, "import", sheet, "--json"]);
            Assert.True(again.ExitCode == 0, again.StandardError + again.StandardOutput);
            var recovered = Snapshot(database);
            Assert.Equal("ok", recovered.Integrity);
            Assert.Equal(after.Plans.Count + 1, recovered.Plans.Count);
            Assert.Equal(expected, recovered.Plans[^1] with { Digest = "" });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Watches the database while the import runs and kills it (SIGKILL) the moment its write transaction is under way
    /// and uncommitted. False if it finished first.
    /// </summary>
    private static async Task<bool> KillOnceWritingAsync(Process process, string database)
    {
        var startSize = new FileInfo(database).Length;
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "The import neither wrote nor finished within two minutes.");
            // EF Core creates SQLite databases in WAL mode, where the transaction's pages go to the -wal file as the
            // cache spills, and reach the database file only at a checkpoint after the commit. With a rollback journal
            // they go to the database file itself while the -journal exists.
            var wal = new FileInfo(database + "-wal");
            var writing = (wal.Exists && wal.Length > GrowthWhileWriting)
                || (File.Exists(database + "-journal") && new FileInfo(database).Length > startSize + GrowthWhileWriting);
            if (writing)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the check and the kill.
                }

                await process.WaitForExitAsync();
                return true;
            }

            await Task.Delay(1);
        }

        return false;
    }

    private sealed record PlanCounts(string Digest, long Sections, long Objectives, long Actions, long Updates, long Reviews);

    private sealed record DatabaseSnapshot(string Integrity, IReadOnlyList<string> ForeignKeyViolations, IReadOnlyList<PlanCounts> Plans, long AllActions, long AllUpdates, long Sources, long Organisations, long AuditEntries)
    {
        /// <summary>Value equality, lists included, so "nothing changed" is one comparison.</summary>
        public bool Equals(DatabaseSnapshot? other) =>
            other is not null && Integrity == other.Integrity && ForeignKeyViolations.SequenceEqual(other.ForeignKeyViolations) && Plans.SequenceEqual(other.Plans)
            && (AllActions, AllUpdates, Sources, Organisations, AuditEntries) == (other.AllActions, other.AllUpdates, other.Sources, other.Organisations, other.AuditEntries);

        public override int GetHashCode() => HashCode.Combine(Integrity, Plans.Count, AllActions, AllUpdates);
    }

    /// <summary>
    /// The file read with plain SQL, not the app's model, as any tool would after a crash. Opening it rolls back a hot
    /// journal left by the kill. Plans in the order they were made, each with a digest of its actions' words.
    /// </summary>
    private static DatabaseSnapshot Snapshot(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        List<string> Column(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var values = new List<string>();
            while (reader.Read())
                values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
            return values;
        }

        long Count(string sql) => long.Parse(Column(sql).Single(), CultureInfo.InvariantCulture);

        var integrity = string.Join("; ", Column("PRAGMA integrity_check"));
        var violations = Column("PRAGMA foreign_key_check");
        var plans = Column("SELECT Id FROM Plans ORDER BY rowid").Select(id => new PlanCounts(
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Column($"SELECT Ref || ':' || WhatIsDone || ':' || Measure FROM Actions WHERE PlanId = '{id}' ORDER BY \"Order\""))))),
            Count($"SELECT COUNT(*) FROM Sections WHERE PlanId = '{id}'"),
            Count($"SELECT COUNT(*) FROM Objectives WHERE SectionId IN (SELECT Id FROM Sections WHERE PlanId = '{id}')"),
            Count($"SELECT COUNT(*) FROM Actions WHERE PlanId = '{id}'"),
            Count($"SELECT COUNT(*) FROM ProgressUpdates WHERE ActionId IN (SELECT Id FROM Actions WHERE PlanId = '{id}')"),
            Count($"SELECT COUNT(*) FROM Reviews WHERE PlanId = '{id}'"))).ToList();
        return new DatabaseSnapshot(
            integrity,
            violations,
            plans,
            Count("SELECT COUNT(*) FROM Actions"),
            Count("SELECT COUNT(*) FROM ProgressUpdates"),
            Count("SELECT COUNT(*) FROM Sources"),
            Count("SELECT COUNT(*) FROM Organisations"),
            Count("SELECT COUNT(*) FROM AuditEntries"));
    }
}
