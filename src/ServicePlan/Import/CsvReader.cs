using System.Text;

namespace ServicePlan.Import;

/// <summary>
/// Reads RFC 4180 CSV as Excel writes it: quoted cells may hold commas, doubled quotes and line breaks.
/// Each row comes with the 1-based line it starts on, so messages can point at the row a user sees.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<(int Line, string[] Cells)> ReadRows(TextReader reader, char delimiter = ',')
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var rowStartLine = 1;
        var rowHasContent = false;

        int next;
        while ((next = reader.Read()) != -1)
        {
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        cell.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                        line++;
                    cell.Append(c);
                }

                continue;
            }

            if (c == '"')
            {
                inQuotes = true;
                rowHasContent = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                rowHasContent = true;
            }
            else if (c == '\r' || c == '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                    reader.Read();
                if (rowHasContent || cell.Length > 0)
                {
                    cells.Add(cell.ToString());
                    yield return (rowStartLine, cells.ToArray());
                }
                else
                {
                    yield return (rowStartLine, []);
                }

                cells.Clear();
                cell.Clear();
                rowHasContent = false;
                line++;
                rowStartLine = line;
            }
            else
            {
                cell.Append(c);
                rowHasContent = true;
            }
        }

        if (rowHasContent || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            yield return (rowStartLine, cells.ToArray());
        }
    }
}
