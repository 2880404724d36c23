// The reading tests lower these limits so that a bomb or an over-long sheet can be proven in milliseconds.

namespace ServicePlan.Import;

/// <summary>
/// How much a file may hold before it is refused. A plan is a few hundred rows, so every limit is far above a real plan
/// and far below what would exhaust the server: the point is to fail early and clearly on files that would.
/// </summary>
internal sealed record ReadLimits
{
    public const long Megabyte = 1024 * 1024;

    public static ReadLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = SpreadsheetReader.MaxFileBytes;

    public int MaxRows { get; init; } = SpreadsheetReader.MaxRows;

    /// <summary>All the parts of an .xlsx together, unpacked.</summary>
    public long MaxExpandedBytes { get; init; } = 200 * Megabyte;

    /// <summary>Real sheets compress well, so the ratio is only suspicious on a part big enough to hurt.</summary>
    public long RatioCheckFromBytes { get; init; } = 10 * Megabyte;

    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>
    /// Cells are stored densely, so one stray cell in column XFD on every row would cost 16,384 slots a row, and a merge
    /// copies a value down every row it spans. 2,000,000 slots (100,000 rows of 20 columns) bound that at about 16 MB of
    /// references, whatever the file does; merged copies count too.
    /// </summary>
    public long MaxCellsPerSheet { get; init; } = 2_000_000;

    /// <summary>Excel cannot hold more in a cell, so anything longer did not come from Excel and is cut.</summary>
    public int MaxCellChars { get; init; } = 32_767;
}
