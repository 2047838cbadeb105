using System.Buffers;
using System.Text;

namespace NerveSpasmGuide.Data.Search;

/// <summary>Tokens as FTS5's 'porter unicode61' tokenizer makes them (checked against the bundled SQLite, 3.50.4).</summary>
/// <remarks>
/// FTS5 reads UTF-8, so a lone surrogate counts as U+FFFD (what Microsoft.Data.Sqlite sends for it), and the porter
/// step's limits and suffix tests are on UTF-8 bytes, where every non-ASCII byte is a consonant.
/// </remarks>
internal static class Fts5Tokens
{
    /// <summary>Tokens longer than this many UTF-8 bytes are indexed unstemmed, as are those shorter than 3.</summary>
    private const int MaxStemBytes = 64;

    private const byte Separator = 0;
    private const byte TokenChar = 1;

    /// <summary>A combining mark unicode61 keeps inside a token (and drops from its text) but does not start one with.</summary>
    private const byte Diacritic = 2;

    private static readonly byte[] BmpClasses = BuildBmpClasses();
    private static readonly char[] BmpFolds = new char[0x10000];
    private static readonly int[] AstralFoldFrom;
    private static readonly int[] AstralFoldTo;

    static Fts5Tokens()
    {
        for (var i = 0; i < BmpFolds.Length; i++)
        {
            BmpFolds[i] = (char)i;
        }

        var astral = new List<(int From, int To)>();
        var runs = FoldRuns;
        for (var r = 0; r < runs.Length; r += 5)
        {
            for (var k = 0; k < runs[r + 1]; k++)
            {
                var from = runs[r] + (k * runs[r + 2]);
                var to = runs[r + 3] + (k * runs[r + 4]);
                if (from < 0x10000)
                {
                    BmpFolds[from] = (char)to;
                }
                else
                {
                    astral.Add((from, to));
                }
            }
        }

        AstralFoldFrom = new int[astral.Count];
        AstralFoldTo = new int[astral.Count];
        for (var i = 0; i < astral.Count; i++)
        {
            (AstralFoldFrom[i], AstralFoldTo[i]) = astral[i];
        }
    }

    /// <summary>
    /// Finds the next token at or after <paramref name="position"/> in <paramref name="text"/>: its start and end
    /// (exclusive) as char indexes. Returns false at the end. Advances <paramref name="position"/> past the token.
    /// </summary>
    public static bool Next(string text, ref int position, out int start, out int end)
    {
        var chars = text.AsSpan();
        var i = position;
        while (i < text.Length)
        {
            var width = Read(chars, i, out var code);
            var at = i;
            i += width;
            if (Class(code) == TokenChar)
            {
                while (i < text.Length)
                {
                    width = Read(chars, i, out code);
                    if (Class(code) == Separator)
                    {
                        break;
                    }

                    i += width;
                }

                start = at;
                end = i;
                position = i;
                return true;
            }
        }

        start = end = position = text.Length;
        return false;
    }

    /// <summary>The token text as unicode61 folds it (lower case, diacritics removed as remove_diacritics=1 does).</summary>
    public static string Fold(ReadOnlySpan<char> token)
    {
        char[]? rented = null;
        var buffer = token.Length <= MaxStemBytes ? stackalloc char[MaxStemBytes] : (rented = ArrayPool<char>.Shared.Rent(token.Length));
        var folded = new string(buffer[..FoldInto(token, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return folded;
    }

    /// <summary>The term FTS5's porter tokenizer indexes for a folded token (tokens it passes through stay unchanged).</summary>
    public static string Stem(string folded) => Stem(folded, folded);

    /// <summary>Convenience: <c>Stem(Fold(token))</c>.</summary>
    public static string Term(ReadOnlySpan<char> token)
    {
        char[]? rented = null;
        var buffer = token.Length <= MaxStemBytes ? stackalloc char[MaxStemBytes] : (rented = ArrayPool<char>.Shared.Rent(token.Length));
        var term = Stem(buffer[..FoldInto(token, buffer)], null);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return term;
    }

    /// <summary>Writes the folded <paramref name="token"/> to <paramref name="destination"/> (never longer) and returns its length.</summary>
    private static int FoldInto(ReadOnlySpan<char> token, Span<char> destination)
    {
        var n = 0;
        var i = 0;
        while (i < token.Length)
        {
            var c = token[i];
            if (c < 0x80)
            {
                destination[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                i++;
                continue;
            }

            var width = Read(token, i, out var code);
            i += width;
            if (Class(code) == Diacritic)
            {
                continue;
            }

            if (code < 0x10000)
            {
                destination[n++] = BmpFolds[code];
            }
            else
            {
                var k = Array.BinarySearch(AstralFoldFrom, code);
                if (k >= 0)
                {
                    code = AstralFoldTo[k];
                }

                // A supplementary character folds to another (checked by the tests), so this takes no more room than it had.
                destination[n++] = (char)(0xD800 + ((code - 0x10000) >> 10));
                destination[n++] = (char)(0xDC00 + ((code - 0x10000) & 0x3FF));
            }
        }

        return n;
    }

    /// <summary>The code point at <paramref name="index"/> and how many chars it takes; a lone surrogate reads as U+FFFD.</summary>
    private static int Read(ReadOnlySpan<char> text, int index, out int code)
    {
        var c = text[index];
        if (!char.IsSurrogate(c))
        {
            code = c;
            return 1;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            code = char.ConvertToUtf32(c, text[index + 1]);
            return 2;
        }

        code = 0xFFFD;
        return 1;
    }

    private static byte Class(int code)
    {
        if (code < 0x10000)
        {
            return BmpClasses[code];
        }

        // The last range starting at or before code.
        var ranges = ClassRanges;
        int lo = 0, hi = (ranges.Length / 2) - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (ranges[mid * 2] <= code)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (byte)ranges[(lo * 2) + 1];
    }

    private static byte[] BuildBmpClasses()
    {
        var classes = new byte[0x10000];
        var ranges = ClassRanges;
        for (var r = 0; r < ranges.Length && ranges[r] < 0x10000; r += 2)
        {
            var end = r + 2 < ranges.Length ? Math.Min(ranges[r + 2], 0x10000) : 0x10000;
            classes.AsSpan(ranges[r], end - ranges[r]).Fill((byte)ranges[r + 1]);
        }

        return classes;
    }

    /// <summary>Porter-stems <paramref name="folded"/>; returns <paramref name="original"/> (when given) if nothing changes.</summary>
    private static string Stem(ReadOnlySpan<char> folded, string? original)
    {
        var length = folded.Length <= MaxStemBytes ? Encoding.UTF8.GetByteCount(folded) : MaxStemBytes + 1;
        if (length is < 3 or > MaxStemBytes)
        {
            return original ?? new string(folded);
        }

        // One spare byte: step 1b may add an 'e'.
        Span<byte> word = stackalloc byte[MaxStemBytes + 1];
        Span<byte> before = stackalloc byte[MaxStemBytes];
        Encoding.UTF8.GetBytes(folded, word);
        word[..length].CopyTo(before);
        var n = StemBytes(word, length);
        if (original is not null && word[..n].SequenceEqual(before[..length]))
        {
            return original;
        }

        // A cut through a multi-byte character (step 1b undoubling its last two bytes) decodes to U+FFFD, as
        // Microsoft.Data.Sqlite reads the term SQLite stores.
        return Encoding.UTF8.GetString(word[..n]);
    }

    private enum Condition
    {
        None,
        MeasureAbove0,
        MeasureAbove1,
        MeasureAbove1EndingSOrT,
        HasVowel,
    }

    /// <summary>
    /// A suffix rule: when the word ends with <paramref name="Suffix"/> and something before it, the first such rule of a
    /// step is the only one tried. <paramref name="Removed"/> marks step 1b's rules after which the word is tidied.
    /// </summary>
    private sealed record Rule(string Suffix, string Replacement, Condition Condition, bool Removed = false);

    private static readonly Rule[] Step1B =
    [
        new("eed", "ee", Condition.MeasureAbove0),
        new("ed", "", Condition.HasVowel, Removed: true),
        new("ing", "", Condition.HasVowel, Removed: true),
    ];

    private static readonly Rule[] Step1BTidy =
    [
        new("at", "ate", Condition.None),
        new("bl", "ble", Condition.None),
        new("iz", "ize", Condition.None),
    ];

    // SQLite's porter uses the later revisions of the algorithm ("bli" for "abli", and "logi").
    private static readonly Rule[] Step2 =
    [
        new("ational", "ate", Condition.MeasureAbove0),
        new("tional", "tion", Condition.MeasureAbove0),
        new("enci", "ence", Condition.MeasureAbove0),
        new("anci", "ance", Condition.MeasureAbove0),
        new("izer", "ize", Condition.MeasureAbove0),
        new("logi", "log", Condition.MeasureAbove0),
        new("bli", "ble", Condition.MeasureAbove0),
        new("alli", "al", Condition.MeasureAbove0),
        new("entli", "ent", Condition.MeasureAbove0),
        new("eli", "e", Condition.MeasureAbove0),
        new("ousli", "ous", Condition.MeasureAbove0),
        new("ization", "ize", Condition.MeasureAbove0),
        new("ation", "ate", Condition.MeasureAbove0),
        new("ator", "ate", Condition.MeasureAbove0),
        new("alism", "al", Condition.MeasureAbove0),
        new("iveness", "ive", Condition.MeasureAbove0),
        new("fulness", "ful", Condition.MeasureAbove0),
        new("ousness", "ous", Condition.MeasureAbove0),
        new("aliti", "al", Condition.MeasureAbove0),
        new("iviti", "ive", Condition.MeasureAbove0),
        new("biliti", "ble", Condition.MeasureAbove0),
    ];

    private static readonly Rule[] Step3 =
    [
        new("ical", "ic", Condition.MeasureAbove0),
        new("ness", "", Condition.MeasureAbove0),
        new("icate", "ic", Condition.MeasureAbove0),
        new("iciti", "ic", Condition.MeasureAbove0),
        new("ful", "", Condition.MeasureAbove0),
        new("ative", "", Condition.MeasureAbove0),
        new("alize", "al", Condition.MeasureAbove0),
    ];

    private static readonly Rule[] Step4 =
    [
        new("al", "", Condition.MeasureAbove1),
        new("ance", "", Condition.MeasureAbove1),
        new("ence", "", Condition.MeasureAbove1),
        new("er", "", Condition.MeasureAbove1),
        new("ic", "", Condition.MeasureAbove1),
        new("able", "", Condition.MeasureAbove1),
        new("ible", "", Condition.MeasureAbove1),
        new("ant", "", Condition.MeasureAbove1),
        new("ement", "", Condition.MeasureAbove1),
        new("ment", "", Condition.MeasureAbove1),
        new("ent", "", Condition.MeasureAbove1),
        new("ion", "", Condition.MeasureAbove1EndingSOrT),
        new("ou", "", Condition.MeasureAbove1),
        new("ism", "", Condition.MeasureAbove1),
        new("ate", "", Condition.MeasureAbove1),
        new("iti", "", Condition.MeasureAbove1),
        new("ous", "", Condition.MeasureAbove1),
        new("ive", "", Condition.MeasureAbove1),
        new("ize", "", Condition.MeasureAbove1),
    ];

    /// <summary>Stems the first <paramref name="n"/> bytes of <paramref name="w"/> in place (at least 3) and returns the new length.</summary>
    private static int StemBytes(Span<byte> w, int n)
    {
        // Step 1a: plurals.
        if (w[n - 1] == 's')
        {
            if (w[n - 2] == 'e')
            {
                n -= (n > 4 && w[n - 4] == 's' && w[n - 3] == 's') || (n > 3 && w[n - 3] == 'i') ? 2 : 1;
            }
            else if (w[n - 2] != 's')
            {
                n--;
            }
        }

        // Step 1b: -ed and -ing, then tidying what they leave.
        if (Apply(w, ref n, Step1B) is { Removed: true } && Apply(w, ref n, Step1BTidy) is null)
        {
            var last = w[n - 1];
            if (!IsVowel(last, false) && last is not ((byte)'l' or (byte)'s' or (byte)'z') && n > 1 && last == w[n - 2])
            {
                n--;
            }
            else if (MeasureIs1(w[..n]) && EndsCvc(w[..n]))
            {
                w[n++] = (byte)'e';
            }
        }

        // Step 1c: a final y becomes i when a vowel comes before it.
        if (w[n - 1] == 'y' && HasVowel(w[..(n - 1)]))
        {
            w[n - 1] = (byte)'i';
        }

        Apply(w, ref n, Step2);
        Apply(w, ref n, Step3);
        Apply(w, ref n, Step4);

        // Step 5a: a final e.
        if (w[n - 1] == 'e' && (MeasureAbove1(w[..(n - 1)]) || (MeasureIs1(w[..(n - 1)]) && !EndsCvc(w[..(n - 1)]))))
        {
            n--;
        }

        // Step 5b: -ll.
        if (n > 1 && w[n - 1] == 'l' && w[n - 2] == 'l' && MeasureAbove1(w[..(n - 1)]))
        {
            n--;
        }

        return n;
    }

    /// <summary>Applies the first rule of <paramref name="rules"/> whose suffix ends the word after at least one byte; returns it if its condition held.</summary>
    private static Rule? Apply(Span<byte> w, ref int n, Rule[] rules)
    {
        foreach (var rule in rules)
        {
            var suffix = rule.Suffix;
            if (n <= suffix.Length || !EndsWith(w[..n], suffix))
            {
                continue;
            }

            var stem = n - suffix.Length;
            if (!Holds(rule.Condition, w[..stem]))
            {
                return null;
            }

            for (var i = 0; i < rule.Replacement.Length; i++)
            {
                w[stem + i] = (byte)rule.Replacement[i];
            }

            n = stem + rule.Replacement.Length;
            return rule;
        }

        return null;
    }

    private static bool EndsWith(ReadOnlySpan<byte> word, string suffix)
    {
        var offset = word.Length - suffix.Length;
        for (var i = suffix.Length - 1; i >= 0; i--)
        {
            if (word[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(Condition condition, ReadOnlySpan<byte> stem) => condition switch
    {
        Condition.MeasureAbove0 => SkipVowelsThenConsonant(stem, false) != 0,
        Condition.MeasureAbove1 => MeasureAbove1(stem),
        Condition.MeasureAbove1EndingSOrT => stem[^1] is (byte)'s' or (byte)'t' && MeasureAbove1(stem),
        Condition.HasVowel => HasVowel(stem),
        _ => true,
    };

    /// <summary>A vowel, or a y after a consonant.</summary>
    private static bool IsVowel(byte c, bool afterConsonant) =>
        c is (byte)'a' or (byte)'e' or (byte)'i' or (byte)'o' or (byte)'u' || (afterConsonant && c == 'y');

    /// <summary>
    /// Skips to the first vowel and then to the first consonant after it: the length of the first [C]VC of Porter's
    /// measure, or 0 when there is none.
    /// </summary>
    private static int SkipVowelsThenConsonant(ReadOnlySpan<byte> stem, bool afterConsonant)
    {
        var consonant = afterConsonant;
        var i = 0;
        for (; i < stem.Length; i++)
        {
            consonant = !IsVowel(stem[i], consonant);
            if (!consonant)
            {
                break;
            }
        }

        for (i++; i < stem.Length; i++)
        {
            consonant = !IsVowel(stem[i], consonant);
            if (consonant)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool MeasureAbove1(ReadOnlySpan<byte> stem)
    {
        var first = SkipVowelsThenConsonant(stem, false);
        return first != 0 && SkipVowelsThenConsonant(stem[first..], true) != 0;
    }

    private static bool MeasureIs1(ReadOnlySpan<byte> stem)
    {
        var first = SkipVowelsThenConsonant(stem, false);
        return first != 0 && SkipVowelsThenConsonant(stem[first..], true) == 0;
    }

    /// <summary>Porter's *o: consonant, vowel, consonant at the end, the last not w, x or y.</summary>
    private static bool EndsCvc(ReadOnlySpan<byte> stem)
    {
        if (stem.IsEmpty || stem[^1] is (byte)'w' or (byte)'x' or (byte)'y')
        {
            return false;
        }

        var pattern = 0;
        var consonant = false;
        foreach (var c in stem)
        {
            consonant = !IsVowel(c, consonant);
            pattern = (pattern << 1) | (consonant ? 1 : 0);
        }

        return (pattern & 0b111) == 0b101;
    }

    /// <summary>A y is a vowel here anywhere but first, whatever comes before it (as SQLite's porter counts).</summary>
    private static bool HasVowel(ReadOnlySpan<byte> stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (IsVowel(stem[i], i > 0))
            {
                return true;
            }
        }

        return false;
    }

    // Generated by probing the bundled SQLite (3.50.4) with every code point, alone and inside a word, through
    // fts5 'unicode61'; Fts5TokensTests.EveryCodePointIsClassedAndFoldedAsSqliteDoes checks them the same way.

    /// <summary>Pairs of (first code point, class) where the class changes: separator 0, token character 1, diacritic 2.</summary>
    private static ReadOnlySpan<int> ClassRanges =>
    [
        0x0, 0, 0x30, 1, 0x3A, 0, 0x41, 1, 0x5B, 0, 0x61, 1, 0x7B, 0, 0xAA, 1, 0xAB, 0, 0xB2, 1, 0xB4, 0, 0xB5, 1, 0xB6, 0, 0xB9, 1,
        0xBB, 0, 0xBC, 1, 0xBF, 0, 0xC0, 1, 0xD7, 0, 0xD8, 1, 0xF7, 0, 0xF8, 1, 0x2C2, 0, 0x2C6, 1, 0x2D2, 0, 0x2E0, 1, 0x2E5, 0, 0x2EC, 1,
        0x2ED, 0, 0x2EE, 1, 0x2EF, 0, 0x300, 2, 0x305, 0, 0x306, 2, 0x30D, 0, 0x30F, 2, 0x310, 0, 0x311, 2, 0x312, 0, 0x31B, 2, 0x31C, 0,
        0x323, 2, 0x329, 0, 0x32D, 2, 0x32F, 0, 0x330, 2, 0x332, 0, 0x370, 1, 0x375, 0, 0x376, 1, 0x37E, 0, 0x37F, 1, 0x384, 0, 0x386, 1,
        0x387, 0, 0x388, 1, 0x3F6, 0, 0x3F7, 1, 0x482, 0, 0x48A, 1, 0x55A, 0, 0x560, 1, 0x589, 0, 0x58B, 1, 0x58F, 0, 0x590, 1, 0x591, 0,
        0x5C8, 1, 0x5F3, 0, 0x5F5, 1, 0x600, 0, 0x605, 1, 0x606, 0, 0x61C, 1, 0x61E, 0, 0x620, 1, 0x64B, 0, 0x660, 1, 0x66A, 0, 0x66E, 1,
        0x670, 0, 0x671, 1, 0x6D4, 0, 0x6D5, 1, 0x6D6, 0, 0x6E5, 1, 0x6E7, 0, 0x6EE, 1, 0x6FD, 0, 0x6FF, 1, 0x700, 0, 0x70E, 1, 0x70F, 0,
        0x710, 1, 0x711, 0, 0x712, 1, 0x730, 0, 0x74B, 1, 0x7A6, 0, 0x7B1, 1, 0x7EB, 0, 0x7F4, 1, 0x7F6, 0, 0x7FA, 1, 0x816, 0, 0x81A, 1,
        0x81B, 0, 0x824, 1, 0x825, 0, 0x828, 1, 0x829, 0, 0x82E, 1, 0x830, 0, 0x83F, 1, 0x859, 0, 0x85C, 1, 0x85E, 0, 0x85F, 1, 0x8E4, 0,
        0x8FF, 1, 0x900, 0, 0x904, 1, 0x93A, 0, 0x93D, 1, 0x93E, 0, 0x950, 1, 0x951, 0, 0x958, 1, 0x962, 0, 0x966, 1, 0x970, 0, 0x971, 1,
        0x981, 0, 0x984, 1, 0x9BC, 0, 0x9BD, 1, 0x9BE, 0, 0x9C5, 1, 0x9C7, 0, 0x9C9, 1, 0x9CB, 0, 0x9CE, 1, 0x9D7, 0, 0x9D8, 1, 0x9E2, 0,
        0x9E4, 1, 0x9F2, 0, 0x9F4, 1, 0x9FA, 0, 0x9FC, 1, 0xA01, 0, 0xA04, 1, 0xA3C, 0, 0xA3D, 1, 0xA3E, 0, 0xA43, 1, 0xA47, 0, 0xA49, 1,
        0xA4B, 0, 0xA4E, 1, 0xA51, 0, 0xA52, 1, 0xA70, 0, 0xA72, 1, 0xA75, 0, 0xA76, 1, 0xA81, 0, 0xA84, 1, 0xABC, 0, 0xABD, 1, 0xABE, 0,
        0xAC6, 1, 0xAC7, 0, 0xACA, 1, 0xACB, 0, 0xACE, 1, 0xAE2, 0, 0xAE4, 1, 0xAF0, 0, 0xAF2, 1, 0xB01, 0, 0xB04, 1, 0xB3C, 0, 0xB3D, 1,
        0xB3E, 0, 0xB45, 1, 0xB47, 0, 0xB49, 1, 0xB4B, 0, 0xB4E, 1, 0xB56, 0, 0xB58, 1, 0xB62, 0, 0xB64, 1, 0xB70, 0, 0xB71, 1, 0xB82, 0,
        0xB83, 1, 0xBBE, 0, 0xBC3, 1, 0xBC6, 0, 0xBC9, 1, 0xBCA, 0, 0xBCE, 1, 0xBD7, 0, 0xBD8, 1, 0xBF3, 0, 0xBFB, 1, 0xC01, 0, 0xC04, 1,
        0xC3E, 0, 0xC45, 1, 0xC46, 0, 0xC49, 1, 0xC4A, 0, 0xC4E, 1, 0xC55, 0, 0xC57, 1, 0xC62, 0, 0xC64, 1, 0xC7F, 0, 0xC80, 1, 0xC82, 0,
        0xC84, 1, 0xCBC, 0, 0xCBD, 1, 0xCBE, 0, 0xCC5, 1, 0xCC6, 0, 0xCC9, 1, 0xCCA, 0, 0xCCE, 1, 0xCD5, 0, 0xCD7, 1, 0xCE2, 0, 0xCE4, 1,
        0xD02, 0, 0xD04, 1, 0xD3E, 0, 0xD45, 1, 0xD46, 0, 0xD49, 1, 0xD4A, 0, 0xD4E, 1, 0xD57, 0, 0xD58, 1, 0xD62, 0, 0xD64, 1, 0xD79, 0,
        0xD7A, 1, 0xD82, 0, 0xD84, 1, 0xDCA, 0, 0xDCB, 1, 0xDCF, 0, 0xDD5, 1, 0xDD6, 0, 0xDD7, 1, 0xDD8, 0, 0xDE0, 1, 0xDF2, 0, 0xDF5, 1,
        0xE31, 0, 0xE32, 1, 0xE34, 0, 0xE3B, 1, 0xE3F, 0, 0xE40, 1, 0xE47, 0, 0xE50, 1, 0xE5A, 0, 0xE5C, 1, 0xEB1, 0, 0xEB2, 1, 0xEB4, 0,
        0xEBA, 1, 0xEBB, 0, 0xEBD, 1, 0xEC8, 0, 0xECE, 1, 0xF01, 0, 0xF20, 1, 0xF34, 0, 0xF40, 1, 0xF71, 0, 0xF88, 1, 0xF8D, 0, 0xF98, 1,
        0xF99, 0, 0xFBD, 1, 0xFBE, 0, 0xFCD, 1, 0xFCE, 0, 0xFDB, 1, 0x102B, 0, 0x103F, 1, 0x104A, 0, 0x1050, 1, 0x1056, 0, 0x105A, 1,
        0x105E, 0, 0x1061, 1, 0x1062, 0, 0x1065, 1, 0x1067, 0, 0x106E, 1, 0x1071, 0, 0x1075, 1, 0x1082, 0, 0x108E, 1, 0x108F, 0, 0x1090, 1,
        0x109A, 0, 0x10A0, 1, 0x10FB, 0, 0x10FC, 1, 0x135D, 0, 0x1369, 1, 0x1390, 0, 0x139A, 1, 0x1400, 0, 0x1401, 1, 0x166D, 0, 0x166F, 1,
        0x1680, 0, 0x1681, 1, 0x169B, 0, 0x169D, 1, 0x16EB, 0, 0x16EE, 1, 0x1712, 0, 0x1715, 1, 0x1732, 0, 0x1737, 1, 0x1752, 0, 0x1754, 1,
        0x1772, 0, 0x1774, 1, 0x17B4, 0, 0x17D7, 1, 0x17D8, 0, 0x17DC, 1, 0x17DD, 0, 0x17DE, 1, 0x1800, 0, 0x180F, 1, 0x18A9, 0, 0x18AA, 1,
        0x1920, 0, 0x192C, 1, 0x1930, 0, 0x193C, 1, 0x1940, 0, 0x1941, 1, 0x1944, 0, 0x1946, 1, 0x19B0, 0, 0x19C1, 1, 0x19C8, 0, 0x19CA, 1,
        0x19DE, 0, 0x1A00, 1, 0x1A17, 0, 0x1A1C, 1, 0x1A1E, 0, 0x1A20, 1, 0x1A55, 0, 0x1A5F, 1, 0x1A60, 0, 0x1A7D, 1, 0x1A7F, 0, 0x1A80, 1,
        0x1AA0, 0, 0x1AA7, 1, 0x1AA8, 0, 0x1AAE, 1, 0x1B00, 0, 0x1B05, 1, 0x1B34, 0, 0x1B45, 1, 0x1B5A, 0, 0x1B7D, 1, 0x1B80, 0, 0x1B83, 1,
        0x1BA1, 0, 0x1BAE, 1, 0x1BE6, 0, 0x1BF4, 1, 0x1BFC, 0, 0x1C00, 1, 0x1C24, 0, 0x1C38, 1, 0x1C3B, 0, 0x1C40, 1, 0x1C7E, 0, 0x1C80, 1,
        0x1CC0, 0, 0x1CC8, 1, 0x1CD0, 0, 0x1CE9, 1, 0x1CED, 0, 0x1CEE, 1, 0x1CF2, 0, 0x1CF5, 1, 0x1DC0, 0, 0x1DE7, 1, 0x1DFC, 0, 0x1E00, 1,
        0x1FBD, 0, 0x1FBE, 1, 0x1FBF, 0, 0x1FC2, 1, 0x1FCD, 0, 0x1FD0, 1, 0x1FDD, 0, 0x1FE0, 1, 0x1FED, 0, 0x1FF0, 1, 0x1FFD, 0, 0x1FFF, 1,
        0x2000, 0, 0x2065, 1, 0x206A, 0, 0x2070, 1, 0x207A, 0, 0x207F, 1, 0x208A, 0, 0x208F, 1, 0x20A0, 0, 0x20BA, 1, 0x20D0, 0, 0x20F1, 1,
        0x2100, 0, 0x2102, 1, 0x2103, 0, 0x2107, 1, 0x2108, 0, 0x210A, 1, 0x2114, 0, 0x2115, 1, 0x2116, 0, 0x2119, 1, 0x211E, 0, 0x2124, 1,
        0x2125, 0, 0x2126, 1, 0x2127, 0, 0x2128, 1, 0x2129, 0, 0x212A, 1, 0x212E, 0, 0x212F, 1, 0x213A, 0, 0x213C, 1, 0x2140, 0, 0x2145, 1,
        0x214A, 0, 0x214E, 1, 0x214F, 0, 0x2150, 1, 0x2190, 0, 0x23F4, 1, 0x2400, 0, 0x2427, 1, 0x2440, 0, 0x244B, 1, 0x249C, 0, 0x24EA, 1,
        0x2500, 0, 0x2700, 1, 0x2701, 0, 0x2776, 1, 0x2794, 0, 0x2B4D, 1, 0x2B50, 0, 0x2B5A, 1, 0x2CE5, 0, 0x2CEB, 1, 0x2CEF, 0, 0x2CF2, 1,
        0x2CF9, 0, 0x2CFD, 1, 0x2CFE, 0, 0x2D00, 1, 0x2D70, 0, 0x2D71, 1, 0x2D7F, 0, 0x2D80, 1, 0x2DE0, 0, 0x2E2F, 1, 0x2E30, 0, 0x2E3C, 1,
        0x2E80, 0, 0x2E9A, 1, 0x2E9B, 0, 0x2EF4, 1, 0x2F00, 0, 0x2FD6, 1, 0x2FF0, 0, 0x2FFC, 1, 0x3000, 0, 0x3005, 1, 0x3008, 0, 0x3021, 1,
        0x302A, 0, 0x3031, 1, 0x3036, 0, 0x3038, 1, 0x303D, 0, 0x3040, 1, 0x3099, 0, 0x309D, 1, 0x30A0, 0, 0x30A1, 1, 0x30FB, 0, 0x30FC, 1,
        0x3190, 0, 0x3192, 1, 0x3196, 0, 0x31A0, 1, 0x31C0, 0, 0x31E4, 1, 0x3200, 0, 0x321F, 1, 0x322A, 0, 0x3248, 1, 0x3250, 0, 0x3251, 1,
        0x3260, 0, 0x3280, 1, 0x328A, 0, 0x32B1, 1, 0x32C0, 0, 0x32FF, 1, 0x3300, 0, 0x3400, 1, 0x4DC0, 0, 0x4E00, 1, 0xA490, 0, 0xA4C7, 1,
        0xA4FE, 0, 0xA500, 1, 0xA60D, 0, 0xA610, 1, 0xA66F, 0, 0xA67F, 1, 0xA69F, 0, 0xA6A0, 1, 0xA6F0, 0, 0xA6F8, 1, 0xA700, 0, 0xA717, 1,
        0xA720, 0, 0xA722, 1, 0xA789, 0, 0xA78B, 1, 0xA802, 0, 0xA803, 1, 0xA806, 0, 0xA807, 1, 0xA80B, 0, 0xA80C, 1, 0xA823, 0, 0xA82C, 1,
        0xA836, 0, 0xA83A, 1, 0xA874, 0, 0xA878, 1, 0xA880, 0, 0xA882, 1, 0xA8B4, 0, 0xA8C5, 1, 0xA8CE, 0, 0xA8D0, 1, 0xA8E0, 0, 0xA8F2, 1,
        0xA8F8, 0, 0xA8FB, 1, 0xA926, 0, 0xA930, 1, 0xA947, 0, 0xA954, 1, 0xA95F, 0, 0xA960, 1, 0xA980, 0, 0xA984, 1, 0xA9B3, 0, 0xA9CE, 1,
        0xA9DE, 0, 0xA9E0, 1, 0xAA29, 0, 0xAA37, 1, 0xAA43, 0, 0xAA44, 1, 0xAA4C, 0, 0xAA4E, 1, 0xAA5C, 0, 0xAA60, 1, 0xAA77, 0, 0xAA7A, 1,
        0xAA7B, 0, 0xAA7C, 1, 0xAAB0, 0, 0xAAB1, 1, 0xAAB2, 0, 0xAAB5, 1, 0xAAB7, 0, 0xAAB9, 1, 0xAABE, 0, 0xAAC0, 1, 0xAAC1, 0, 0xAAC2, 1,
        0xAADE, 0, 0xAAE0, 1, 0xAAEB, 0, 0xAAF2, 1, 0xAAF5, 0, 0xAAF7, 1, 0xABE3, 0, 0xABEE, 1, 0xD800, 0, 0xE000, 1, 0xFB1E, 0, 0xFB1F, 1,
        0xFB29, 0, 0xFB2A, 1, 0xFBB2, 0, 0xFBC2, 1, 0xFD3E, 0, 0xFD40, 1, 0xFDFC, 0, 0xFDFE, 1, 0xFE00, 0, 0xFE1A, 1, 0xFE20, 0, 0xFE27, 1,
        0xFE30, 0, 0xFE53, 1, 0xFE54, 0, 0xFE67, 1, 0xFE68, 0, 0xFE6C, 1, 0xFEFF, 0, 0xFF00, 1, 0xFF01, 0, 0xFF10, 1, 0xFF1A, 0, 0xFF21, 1,
        0xFF3B, 0, 0xFF41, 1, 0xFF5B, 0, 0xFF66, 1, 0xFFE0, 0, 0xFFE7, 1, 0xFFE8, 0, 0xFFEF, 1, 0xFFF9, 0, 0x10000, 1, 0x10100, 0,
        0x10103, 1, 0x10137, 0, 0x10140, 1, 0x10179, 0, 0x1018A, 1, 0x10190, 0, 0x1019C, 1, 0x101D0, 0, 0x101FE, 1, 0x1039F, 0, 0x103A0, 1,
        0x103D0, 0, 0x103D1, 1, 0x10857, 0, 0x10858, 1, 0x1091F, 0, 0x10920, 1, 0x1093F, 0, 0x10940, 1, 0x10A01, 0, 0x10A04, 1, 0x10A05, 0,
        0x10A07, 1, 0x10A0C, 0, 0x10A10, 1, 0x10A38, 0, 0x10A3B, 1, 0x10A3F, 0, 0x10A40, 1, 0x10A50, 0, 0x10A59, 1, 0x10A7F, 0, 0x10A80, 1,
        0x10B39, 0, 0x10B40, 1, 0x11000, 0, 0x11003, 1, 0x11038, 0, 0x1104E, 1, 0x11080, 0, 0x11083, 1, 0x110B0, 0, 0x110C2, 1, 0x11100, 0,
        0x11103, 1, 0x11127, 0, 0x11135, 1, 0x11140, 0, 0x11144, 1, 0x11180, 0, 0x11183, 1, 0x111B3, 0, 0x111C1, 1, 0x111C5, 0, 0x111C9, 1,
        0x116AB, 0, 0x116B8, 1, 0x12470, 0, 0x12474, 1, 0x16F51, 0, 0x16F7F, 1, 0x16F8F, 0, 0x16F93, 1, 0x1D000, 0, 0x1D0F6, 1, 0x1D100, 0,
        0x1D127, 1, 0x1D129, 0, 0x1D1DE, 1, 0x1D200, 0, 0x1D246, 1, 0x1D300, 0, 0x1D357, 1, 0x1D6C1, 0, 0x1D6C2, 1, 0x1D6DB, 0, 0x1D6DC, 1,
        0x1D6FB, 0, 0x1D6FC, 1, 0x1D715, 0, 0x1D716, 1, 0x1D735, 0, 0x1D736, 1, 0x1D74F, 0, 0x1D750, 1, 0x1D76F, 0, 0x1D770, 1, 0x1D789, 0,
        0x1D78A, 1, 0x1D7A9, 0, 0x1D7AA, 1, 0x1D7C3, 0, 0x1D7C4, 1, 0x1EEF0, 0, 0x1EEF2, 1, 0x1F000, 0, 0x1F02C, 1, 0x1F030, 0, 0x1F094, 1,
        0x1F0A0, 0, 0x1F0AF, 1, 0x1F0B1, 0, 0x1F0BF, 1, 0x1F0C1, 0, 0x1F0D0, 1, 0x1F0D1, 0, 0x1F0E0, 1, 0x1F110, 0, 0x1F12F, 1, 0x1F130, 0,
        0x1F16C, 1, 0x1F170, 0, 0x1F19B, 1, 0x1F1E6, 0, 0x1F203, 1, 0x1F210, 0, 0x1F23B, 1, 0x1F240, 0, 0x1F249, 1, 0x1F250, 0, 0x1F252, 1,
        0x1F300, 0, 0x1F321, 1, 0x1F330, 0, 0x1F336, 1, 0x1F337, 0, 0x1F37D, 1, 0x1F380, 0, 0x1F394, 1, 0x1F3A0, 0, 0x1F3C5, 1, 0x1F3C6, 0,
        0x1F3CB, 1, 0x1F3E0, 0, 0x1F3F1, 1, 0x1F400, 0, 0x1F43F, 1, 0x1F440, 0, 0x1F441, 1, 0x1F442, 0, 0x1F4F8, 1, 0x1F4F9, 0, 0x1F4FD, 1,
        0x1F500, 0, 0x1F53E, 1, 0x1F540, 0, 0x1F544, 1, 0x1F550, 0, 0x1F568, 1, 0x1F5FB, 0, 0x1F641, 1, 0x1F645, 0, 0x1F650, 1, 0x1F680, 0,
        0x1F6C6, 1, 0x1F700, 0, 0x1F774, 1, 0xE0001, 0, 0xE0002, 1, 0xE0020, 0, 0xE0080, 1, 0xE0100, 0, 0xE01F0, 1,
    ];

    /// <summary>Folds other than ASCII lower-casing and dropping diacritics, as runs of (from, count, step, to, step of to).</summary>
    private static ReadOnlySpan<int> FoldRuns =>
    [
        0xB5, 1, 1, 0x3BC, 0, 0xC0, 6, 1, 0x61, 0, 0xC6, 1, 1, 0xE6, 0, 0xC7, 2, 1, 0x63, 2,
        0xC9, 3, 1, 0x65, 0, 0xCC, 4, 1, 0x69, 0, 0xD0, 1, 1, 0xF0, 0, 0xD1, 2, 1, 0x6E, 1,
        0xD3, 4, 1, 0x6F, 0, 0xD8, 1, 1, 0xF8, 0, 0xD9, 4, 1, 0x75, 0, 0xDD, 1, 1, 0x79, 0,
        0xDE, 1, 1, 0xFE, 0, 0xE0, 6, 1, 0x61, 0, 0xE7, 2, 1, 0x63, 2, 0xE9, 3, 1, 0x65, 0,
        0xEC, 4, 1, 0x69, 0, 0xF1, 2, 1, 0x6E, 1, 0xF3, 4, 1, 0x6F, 0, 0xF9, 4, 1, 0x75, 0,
        0xFD, 2, 2, 0x79, 0, 0x100, 6, 1, 0x61, 0, 0x106, 8, 1, 0x63, 0, 0x10E, 2, 1, 0x64, 0,
        0x110, 1, 1, 0x111, 0, 0x112, 10, 1, 0x65, 0, 0x11C, 8, 1, 0x67, 0, 0x124, 2, 1, 0x68, 0,
        0x126, 1, 1, 0x127, 0, 0x128, 9, 1, 0x69, 0, 0x132, 1, 1, 0x133, 0, 0x134, 2, 1, 0x6A, 0,
        0x136, 2, 1, 0x6B, 0, 0x139, 6, 1, 0x6C, 0, 0x13F, 2, 2, 0x140, 2, 0x143, 6, 1, 0x6E, 0,
        0x14A, 1, 1, 0x14B, 0, 0x14C, 6, 1, 0x6F, 0, 0x152, 1, 1, 0x153, 0, 0x154, 6, 1, 0x72, 0,
        0x15A, 8, 1, 0x73, 0, 0x162, 4, 1, 0x74, 0, 0x166, 1, 1, 0x167, 0, 0x168, 12, 1, 0x75, 0,
        0x174, 2, 1, 0x77, 0, 0x176, 3, 1, 0x79, 0, 0x179, 6, 1, 0x7A, 0, 0x17F, 1, 1, 0x73, 0,
        0x181, 1, 1, 0x253, 0, 0x182, 2, 2, 0x183, 2, 0x186, 1, 1, 0x254, 0, 0x187, 1, 1, 0x188, 0,
        0x189, 2, 1, 0x256, 1, 0x18B, 1, 1, 0x18C, 0, 0x18E, 1, 1, 0x1DD, 0, 0x18F, 2, 1, 0x259, 2,
        0x191, 1, 1, 0x192, 0, 0x193, 1, 1, 0x260, 0, 0x194, 1, 1, 0x263, 0, 0x196, 1, 1, 0x269, 0,
        0x197, 1, 1, 0x268, 0, 0x198, 1, 1, 0x199, 0, 0x19C, 1, 1, 0x26F, 0, 0x19D, 1, 1, 0x272, 0,
        0x19F, 1, 1, 0x275, 0, 0x1A0, 2, 1, 0x6F, 0, 0x1A2, 2, 2, 0x1A3, 2, 0x1A6, 1, 1, 0x280, 0,
        0x1A7, 1, 1, 0x1A8, 0, 0x1A9, 1, 1, 0x283, 0, 0x1AC, 1, 1, 0x1AD, 0, 0x1AE, 1, 1, 0x288, 0,
        0x1AF, 2, 1, 0x75, 0, 0x1B1, 2, 1, 0x28A, 1, 0x1B3, 2, 2, 0x1B4, 2, 0x1B7, 1, 1, 0x292, 0,
        0x1B8, 1, 1, 0x1B9, 0, 0x1BC, 1, 1, 0x1BD, 0, 0x1C4, 2, 1, 0x1C6, 0, 0x1C7, 2, 1, 0x1C9, 0,
        0x1CA, 2, 1, 0x1CC, 0, 0x1CD, 2, 1, 0x61, 0, 0x1CF, 2, 1, 0x69, 0, 0x1D1, 2, 1, 0x6F, 0,
        0x1D3, 2, 1, 0x75, 0, 0x1D5, 4, 2, 0x1D6, 2, 0x1DE, 4, 2, 0x1DF, 2, 0x1E6, 2, 1, 0x67, 0,
        0x1E8, 2, 1, 0x6B, 0, 0x1EA, 2, 1, 0x6F, 0, 0x1EC, 2, 2, 0x1ED, 2, 0x1F0, 1, 1, 0x6A, 0,
        0x1F1, 2, 1, 0x1F3, 0, 0x1F4, 2, 1, 0x67, 0, 0x1F6, 1, 1, 0x195, 0, 0x1F7, 1, 1, 0x1BF, 0,
        0x1F8, 2, 1, 0x6E, 0, 0x1FA, 3, 2, 0x1FB, 2, 0x200, 4, 1, 0x61, 0, 0x204, 4, 1, 0x65, 0,
        0x208, 4, 1, 0x69, 0, 0x20C, 4, 1, 0x6F, 0, 0x210, 4, 1, 0x72, 0, 0x214, 4, 1, 0x75, 0,
        0x218, 2, 1, 0x73, 0, 0x21A, 2, 1, 0x74, 0, 0x21C, 1, 1, 0x21D, 0, 0x21E, 2, 1, 0x68, 0,
        0x220, 1, 1, 0x19E, 0, 0x222, 2, 2, 0x223, 2, 0x226, 2, 1, 0x61, 0, 0x228, 2, 1, 0x65, 0,
        0x22A, 2, 2, 0x22B, 2, 0x22E, 2, 1, 0x6F, 0, 0x230, 1, 1, 0x231, 0, 0x232, 2, 1, 0x79, 0,
        0x23A, 1, 1, 0x2C65, 0, 0x23B, 1, 1, 0x23C, 0, 0x23D, 1, 1, 0x19A, 0, 0x23E, 1, 1, 0x2C66, 0,
        0x241, 1, 1, 0x242, 0, 0x243, 1, 1, 0x180, 0, 0x244, 1, 1, 0x289, 0, 0x245, 1, 1, 0x28C, 0,
        0x246, 5, 2, 0x247, 2, 0x370, 2, 2, 0x371, 2, 0x376, 1, 1, 0x377, 0, 0x386, 2, 2, 0x3AC, 1,
        0x389, 2, 1, 0x3AE, 1, 0x38C, 2, 2, 0x3CC, 1, 0x38F, 1, 1, 0x3CE, 0, 0x391, 17, 1, 0x3B1, 1,
        0x3A3, 9, 1, 0x3C3, 1, 0x3C2, 1, 1, 0x3C3, 0, 0x3CF, 1, 1, 0x3D7, 0, 0x3D0, 1, 1, 0x3B2, 0,
        0x3D1, 1, 1, 0x3B8, 0, 0x3D5, 1, 1, 0x3C6, 0, 0x3D6, 1, 1, 0x3C0, 0, 0x3D8, 12, 2, 0x3D9, 2,
        0x3F0, 1, 1, 0x3BA, 0, 0x3F1, 1, 1, 0x3C1, 0, 0x3F4, 1, 1, 0x3B8, 0, 0x3F5, 1, 1, 0x3B5, 0,
        0x3F7, 1, 1, 0x3F8, 0, 0x3F9, 1, 1, 0x3F2, 0, 0x3FA, 1, 1, 0x3FB, 0, 0x3FD, 3, 1, 0x37B, 1,
        0x400, 16, 1, 0x450, 1, 0x410, 32, 1, 0x430, 1, 0x460, 17, 2, 0x461, 2, 0x48A, 27, 2, 0x48B, 2,
        0x4C0, 1, 1, 0x4CF, 0, 0x4C1, 7, 2, 0x4C2, 2, 0x4D0, 44, 2, 0x4D1, 2, 0x531, 38, 1, 0x561, 1,
        0x10A0, 38, 1, 0x2D00, 1, 0x10C7, 1, 1, 0x2D27, 0, 0x10CD, 1, 1, 0x2D2D, 0, 0x1E00, 2, 1, 0x61, 0,
        0x1E02, 6, 1, 0x62, 0, 0x1E08, 1, 1, 0x1E09, 0, 0x1E0A, 10, 1, 0x64, 0, 0x1E14, 2, 2, 0x1E15, 2,
        0x1E18, 4, 1, 0x65, 0, 0x1E1C, 1, 1, 0x1E1D, 0, 0x1E1E, 2, 1, 0x66, 0, 0x1E20, 2, 1, 0x67, 0,
        0x1E22, 10, 1, 0x68, 0, 0x1E2C, 2, 1, 0x69, 0, 0x1E2E, 1, 1, 0x1E2F, 0, 0x1E30, 6, 1, 0x6B, 0,
        0x1E36, 2, 1, 0x6C, 0, 0x1E38, 1, 1, 0x1E39, 0, 0x1E3A, 4, 1, 0x6C, 0, 0x1E3E, 6, 1, 0x6D, 0,
        0x1E44, 8, 1, 0x6E, 0, 0x1E4C, 4, 2, 0x1E4D, 2, 0x1E54, 4, 1, 0x70, 0, 0x1E58, 4, 1, 0x72, 0,
        0x1E5C, 1, 1, 0x1E5D, 0, 0x1E5E, 2, 1, 0x72, 0, 0x1E60, 4, 1, 0x73, 0, 0x1E64, 3, 2, 0x1E65, 2,
        0x1E6A, 8, 1, 0x74, 0, 0x1E72, 6, 1, 0x75, 0, 0x1E78, 2, 2, 0x1E79, 2, 0x1E7C, 4, 1, 0x76, 0,
        0x1E80, 10, 1, 0x77, 0, 0x1E8A, 4, 1, 0x78, 0, 0x1E8E, 2, 1, 0x79, 0, 0x1E90, 6, 1, 0x7A, 0,
        0x1E96, 1, 1, 0x68, 0, 0x1E97, 1, 1, 0x74, 0, 0x1E98, 2, 1, 0x77, 2, 0x1E9B, 1, 1, 0x73, 0,
        0x1E9E, 1, 1, 0xDF, 0, 0x1EA0, 4, 1, 0x61, 0, 0x1EA4, 10, 2, 0x1EA5, 2, 0x1EB8, 6, 1, 0x65, 0,
        0x1EBE, 5, 2, 0x1EBF, 2, 0x1EC8, 4, 1, 0x69, 0, 0x1ECC, 4, 1, 0x6F, 0, 0x1ED0, 10, 2, 0x1ED1, 2,
        0x1EE4, 4, 1, 0x75, 0, 0x1EE8, 5, 2, 0x1EE9, 2, 0x1EF2, 8, 1, 0x79, 0, 0x1EFA, 3, 2, 0x1EFB, 2,
        0x1F08, 8, 1, 0x1F00, 1, 0x1F18, 6, 1, 0x1F10, 1, 0x1F28, 8, 1, 0x1F20, 1, 0x1F38, 8, 1, 0x1F30, 1,
        0x1F48, 6, 1, 0x1F40, 1, 0x1F59, 4, 2, 0x1F51, 2, 0x1F68, 8, 1, 0x1F60, 1, 0x1F88, 8, 1, 0x1F80, 1,
        0x1F98, 8, 1, 0x1F90, 1, 0x1FA8, 8, 1, 0x1FA0, 1, 0x1FB8, 2, 1, 0x1FB0, 1, 0x1FBA, 2, 1, 0x1F70, 1,
        0x1FBC, 1, 1, 0x1FB3, 0, 0x1FBE, 1, 1, 0x3B9, 0, 0x1FC8, 4, 1, 0x1F72, 1, 0x1FCC, 1, 1, 0x1FC3, 0,
        0x1FD8, 2, 1, 0x1FD0, 1, 0x1FDA, 2, 1, 0x1F76, 1, 0x1FE8, 2, 1, 0x1FE0, 1, 0x1FEA, 2, 1, 0x1F7A, 1,
        0x1FEC, 1, 1, 0x1FE5, 0, 0x1FF8, 2, 1, 0x1F78, 1, 0x1FFA, 2, 1, 0x1F7C, 1, 0x1FFC, 1, 1, 0x1FF3, 0,
        0x2126, 1, 1, 0x3C9, 0, 0x212A, 1, 1, 0x6B, 0, 0x212B, 1, 1, 0x61, 0, 0x2132, 1, 1, 0x214E, 0,
        0x2160, 16, 1, 0x2170, 1, 0x2183, 1, 1, 0x2184, 0, 0x2C00, 47, 1, 0x2C30, 1, 0x2C60, 1, 1, 0x2C61, 0,
        0x2C62, 1, 1, 0x26B, 0, 0x2C63, 1, 1, 0x1D7D, 0, 0x2C64, 1, 1, 0x27D, 0, 0x2C67, 3, 2, 0x2C68, 2,
        0x2C6D, 1, 1, 0x251, 0, 0x2C6E, 1, 1, 0x271, 0, 0x2C6F, 2, 1, 0x250, 2, 0x2C72, 1, 1, 0x2C73, 0,
        0x2C75, 1, 1, 0x2C76, 0, 0x2C7E, 2, 1, 0x23F, 1, 0x2C80, 50, 2, 0x2C81, 2, 0x2CEB, 2, 2, 0x2CEC, 2,
        0x2CF2, 1, 1, 0x2CF3, 0, 0xA640, 23, 2, 0xA641, 2, 0xA680, 12, 2, 0xA681, 2, 0xA722, 7, 2, 0xA723, 2,
        0xA732, 31, 2, 0xA733, 2, 0xA779, 2, 2, 0xA77A, 2, 0xA77D, 1, 1, 0x1D79, 0, 0xA77E, 5, 2, 0xA77F, 2,
        0xA78B, 1, 1, 0xA78C, 0, 0xA78D, 1, 1, 0x265, 0, 0xA790, 2, 2, 0xA791, 2, 0xA7A0, 5, 2, 0xA7A1, 2,
        0xA7AA, 1, 1, 0x266, 0, 0xFF21, 26, 1, 0xFF41, 1, 0x10400, 40, 1, 0x10428, 1,
    ];
}
