using System.Buffers;
using System.IO.Compression;
using System.Text.Unicode;
using MiniExcelLibs;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// Reads an uploaded CSV or Excel sheet into rows of text cells, refusing with a named reason what cannot be read
/// safely: a CSV that is not UTF-8 (or UTF-16 with its byte-order mark), an .xlsx that expands beyond
/// <see cref="MaxExpandedBytes"/> (a zip bomb), or more data rows than the cap. The sheet is read row by row
/// and never held whole, so a sheet of millions of rows costs time, not memory.
/// </summary>
public static class ImportFile
{
    /// <summary>The most an .xlsx may expand to, all parts together; a real sheet of 2,000 rows is well under 1 MB.</summary>
    public const long MaxExpandedBytes = 20L * 1024 * 1024;

    /// <summary>Excel's own row limit: counting stops there, whatever the file claims.</summary>
    const int MaxCountedRows = 1_048_576;

    public sealed record Sheet(IReadOnlyList<string> Headers, IReadOnlyList<(int Line, IReadOnlyDictionary<string, string?> Cells)> Rows);

    public sealed record Result(Sheet? Sheet, string? Error);

    public static Result Read(byte[] content, string fileName, int maxRows, IStringLocalizer<AccountText> text)
    {
        var isExcel = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        var refusal = isExcel ? CheckExpandedSize(content, text) : CheckEncoding(content, text);
        if (refusal is not null)
        {
            return new Result(null, refusal);
        }
        try
        {
            return ReadRows(content, isExcel ? ExcelType.XLSX : ExcelType.CSV, maxRows, text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Result(null, text["ImportBadFile"]);
        }
    }

    static Result ReadRows(byte[] content, ExcelType type, int maxRows, IStringLocalizer<AccountText> text)
    {
        using var stream = new MemoryStream(content, writable: false);
        var rows = new List<(int, IReadOnlyDictionary<string, string?>)>();
        IReadOnlyList<string>? headers = null;
        var dataRows = 0;
        var line = 1; // line 1 is the header row
        // Query is lazy: each row is read, checked and either kept (up to the cap) or only counted.
        foreach (var raw in MiniExcel.Query(stream, useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>())
        {
            line++;
            headers ??= [.. raw.Keys.Select(NormalizeHeader)];
            if (line > MaxCountedRows)
            {
                break;
            }
            if (raw.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            {
                continue;
            }
            dataRows++;
            if (dataRows <= maxRows)
            {
                rows.Add((line, raw.ToDictionary(c => NormalizeHeader(c.Key), c => Convert.ToString(c.Value, CultureInfo.InvariantCulture)?.Trim())));
            }
        }
        if (dataRows > maxRows)
        {
            return new Result(null, text["ImportTooManyRows", dataRows, maxRows]);
        }
        if (headers is null || dataRows == 0)
        {
            return new Result(null, text["ImportEmpty"]);
        }
        return new Result(new Sheet(headers, rows), null);
    }

    /// <summary>
    /// An .xlsx is a zip: the sizes its parts declare are checked first, then every part is inflated once into nothing
    /// through a counter, since a crafted zip can declare less than it holds.
    /// </summary>
    static string? CheckExpandedSize(byte[] content, IStringLocalizer<AccountText> text)
    {
        var tooLarge = text["ImportExpandsTooMuch", MaxExpandedBytes / (1024 * 1024)].Value;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > MaxExpandedBytes)
            {
                return tooLarge;
            }
            var buffer = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                long total = 0;
                foreach (var entry in zip.Entries)
                {
                    using var part = entry.Open();
                    int read;
                    while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                        if (total > MaxExpandedBytes)
                        {
                            return tooLarge;
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return text["ImportBadFile"];
        }
    }

    /// <summary>
    /// A CSV must be UTF-8 (with or without its byte-order mark) or UTF-16 with its byte-order mark. Text saved in a
    /// legacy code page such as Windows-1258 is refused with the line of the first unreadable byte, never stored garbled.
    /// </summary>
    static string? CheckEncoding(byte[] content, IStringLocalizer<AccountText> text)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            Encoding utf16 = new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: true, throwOnInvalidBytes: true);
            try
            {
                utf16.GetCharCount(content, 2, content.Length - 2);
                return null;
            }
            catch (DecoderFallbackException)
            {
                return text["ImportNotUtf8", 1];
            }
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        if (Utf8.IsValid(bytes))
        {
            return null;
        }
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            Utf8.ToUtf16(bytes, chars, out var valid, out _, replaceInvalidSequences: false);
            return text["ImportNotUtf8", bytes[..valid].Count((byte)'\n') + 1];
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    static string NormalizeHeader(string header) => header.Trim().ToLowerInvariant();
}
