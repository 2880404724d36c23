using System.Text;

namespace ServicePlan.Export;

/// <summary>
/// Text as Word and Excel files can carry it: line breaks as LF, no characters XML forbids (a stray control character
/// pasted from another program would make the file unreadable), and surrogate pairs kept whole when cut short.
/// </summary>
public static class OpenXmlText
{
    public static string Clean(string? text, bool tabsAsSpaces = false, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
            return "";

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
            }
            else if (c == '\t' && tabsAsSpaces)
            {
                builder.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c is '\n' or '\t' || c is (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD'))
            {
                builder.Append(c);
            }
        }

        if (builder.Length > maxLength)
        {
            var cut = maxLength;
            if (char.IsLowSurrogate(builder[cut]))
                cut--;
            builder.Length = cut;
        }

        return builder.ToString();
    }
}
