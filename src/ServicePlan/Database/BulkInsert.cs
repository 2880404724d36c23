using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServicePlan.Database;

/// <summary>
/// Writes many new rows at once: multi-row INSERTs built from the EF model's own tables, columns and type mappings, so
/// values are stored exactly as SaveChanges would store them. For imports and generated data, where tracking tens of
/// thousands of new entities costs more than writing them. Runs inside the context's current transaction.
/// </summary>
public sealed class BulkInsert(ServicePlanDbContext db)
{
    // Well under SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerStatement = 1_000;

    public Task RowsAsync<T>(IReadOnlyCollection<T> entities, CancellationToken ct = default)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        return InsertAsync(entityType, entities, ct);
    }

    /// <summary>Rows of a many-to-many join table ("ActionLeads"), each given as the two entities it links.</summary>
    public Task LinksAsync<TLeft, TRight>(string joinTable, IReadOnlyCollection<(TLeft Left, TRight Right)> links, CancellationToken ct = default)
        where TLeft : class
        where TRight : class
    {
        var joinType = db.Model.FindEntityType(joinTable) ?? throw new InvalidOperationException($"{joinTable} is not in the model.");
        var leftKey = KeyColumnOf<TLeft>(joinType);
        var rightKey = KeyColumnOf<TRight>(joinType);
        var leftId = db.Model.FindEntityType(typeof(TLeft))!.FindPrimaryKey()!.Properties[0].GetGetter();
        var rightId = db.Model.FindEntityType(typeof(TRight))!.FindPrimaryKey()!.Properties[0].GetGetter();
        var rows = links.Select(link => (object)new Dictionary<string, object>
        {
            [leftKey] = leftId.GetClrValue(link.Left)!,
            [rightKey] = rightId.GetClrValue(link.Right)!,
        }).ToList();
        return InsertAsync(joinType, rows, ct);
    }

    private static string Statement(string insert, int rows, int columns, ISqlGenerationHelper sql)
    {
        var text = new StringBuilder(insert);
        var parameter = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder("p" + parameter++));
            text.Append(')');
        }

        return text.ToString();
    }

    private static string KeyColumnOf<T>(IEntityType joinType) =>
        joinType.GetForeignKeys().Single(fk => fk.PrincipalEntityType.ClrType == typeof(T)).Properties[0].Name;

    private async Task InsertAsync(IEntityType entityType, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;

        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
        var getters = properties.Select(p => p.IsShadowProperty() || entityType.IsPropertyBag ? null : p.GetGetter()).ToList();
        // SQLite is fastest re-running one prepared single-row statement (and binds parameters by name in linear
        // time, so large statements get slower per row); PostgreSQL is fastest with few round trips.
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Clamp(MaxParameters / properties.Count, 1, MaxRowsPerStatement);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            DbCommand? command = null;
            try
            {
                foreach (var chunk in rows.Chunk(rowsPerStatement))
                {
                    if (command is null || chunk.Length != rowsPerStatement)
                    {
                        if (command is not null)
                            await command.DisposeAsync();
                        command = connection.CreateCommand();
                        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                        command.CommandText = Statement(insert, chunk.Length, properties.Count, sql);
                    }

                    command.Parameters.Clear();
                    var parameter = 0;
                    foreach (var row in chunk)
                    {
                        for (var c = 0; c < properties.Count; c++)
                        {
                            var value = getters[c] is { } getter ? getter.GetClrValue(row) : ((IDictionary<string, object>)row)[properties[c].Name];
                            command.Parameters.Add(mappings[c].CreateParameter(command, "p" + parameter++, value, properties[c].IsNullable));
                        }
                    }

                    await command.ExecuteNonQueryAsync(ct);
                }
            }
            finally
            {
                if (command is not null)
                    await command.DisposeAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
