namespace NerveSpasmGuide.Data.Search;

/// <summary>Damerau–Levenshtein distance (optimal string alignment: a swap of two neighbours is one edit), bounded.</summary>
public static class EditDistance
{
    /// <summary>How many edits a word of this length may be corrected by: none up to 3 letters, 1 up to 5, else 2.</summary>
    public static int AllowedEdits(int length) => length <= 3 ? 0 : length <= 5 ? 1 : 2;

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or <c>max + 1</c> once it must exceed <paramref name="max"/>.</summary>
    public static int Bounded(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        // Three rows suffice: the current one, the one above and the one above that (for swaps).
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 768 ? stackalloc int[width * 3] : new int[width * 3];
        var twoUp = rows[..width];
        var up = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j < width; j++)
        {
            up[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(up[j] + 1, current[j - 1] + 1), up[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoUp[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = twoUp;
            twoUp = up;
            up = current;
            current = recycled;
        }

        return Math.Min(up[b.Length], max + 1);
    }
}
