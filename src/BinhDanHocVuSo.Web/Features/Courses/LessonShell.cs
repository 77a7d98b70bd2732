using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.IO.Hashing;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// A lesson page as visitors with a cookie get it, rendered once per lesson and catalogue and kept cut into pieces at
/// the places where each visitor's own parts go (their progress, the form's own fields, the questions of their draw,
/// themselves copied from pieces rendered once per quiz: see <see cref="QuizHtml.QuestionsUtf8"/>). Each
/// piece is kept as UTF-8 and compressed (deflate, flushed to a byte boundary). A request adds only its own small
/// parts, each written between the compressed pieces as a stored (uncompressed) deflate block: serving a page costs a
/// copy and a CRC, not a rendering or a compression. The personal parts are never kept.
/// </summary>
public sealed class LessonShell
{
    static readonly byte[] GzipHeader = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    const int MaxStoredBlock = ushort.MaxValue;

    readonly byte[][] _plain;
    readonly byte[][] _deflated;

    LessonShell(byte[][] plain, byte[][] deflated) => (_plain, _deflated) = (plain, deflated);

    /// <summary>The number of personal parts a request adds.</summary>
    public int Parts => _plain.Length - 1;

    /// <summary>Cuts a rendered page at <paramref name="marks"/>, each found once and in this order.</summary>
    public static LessonShell Cut(string html, IReadOnlyList<string> marks)
    {
        var pieces = new List<string>();
        var start = 0;
        foreach (var mark in marks)
        {
            var at = html.IndexOf(mark, start, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"The rendered lesson has no {mark} after position {start}.");
            }
            pieces.Add(html[start..at]);
            start = at + mark.Length;
        }
        pieces.Add(html[start..]);
        var plain = pieces.Select(Encoding.UTF8.GetBytes).ToArray();
        return new LessonShell(plain, plain.Select((p, i) => Deflate(p, last: i == plain.Length - 1)).ToArray());
    }

    /// <summary>
    /// A piece of one deflate stream: all but the last end with a sync flush (byte-aligned, not final), so that
    /// pieces and stored blocks can follow each other; the last one ends the stream.
    /// </summary>
    static byte[] Deflate(byte[] plain, bool last)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(plain);
            if (!last)
            {
                deflate.Flush();
                return output.ToArray();
            }
        }
        return output.ToArray();
    }

    /// <summary>Writes the page with this request's own parts, gzip-compressed when the browser accepts it.</summary>
    /// <param name="parts">This request's own parts, as UTF-8.</param>
    public async Task WriteAsync(HttpContext http, IReadOnlyList<byte[]> parts)
    {
        if (parts.Count != Parts)
        {
            throw new ArgumentException($"A lesson page takes {Parts} personal parts, not {parts.Count}.", nameof(parts));
        }
        var personal = parts;
        var gzip = AcceptsGzip(http.Request);
        var response = http.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }
        response.ContentLength = gzip ? GzipLength(personal) : _plain.Sum(p => (long)p.Length) + personal.Sum(p => (long)p.Length);
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }
        var writer = response.BodyWriter;
        if (gzip)
        {
            WriteGzip(writer, personal);
        }
        else
        {
            for (var i = 0; i < personal.Count; i++)
            {
                writer.Write(_plain[i]);
                writer.Write(personal[i]);
            }
            writer.Write(_plain[^1]);
        }
        await writer.FlushAsync(http.RequestAborted);
    }

    long GzipLength(IReadOnlyList<byte[]> personal) =>
        GzipHeader.Length + _deflated.Sum(p => (long)p.Length)
        + personal.Sum(p => p.Length + 5L * ((p.Length + MaxStoredBlock - 1) / MaxStoredBlock)) + 8;

    void WriteGzip(PipeWriter writer, IReadOnlyList<byte[]> personal)
    {
        var crc = new Crc32();
        long length = 0;
        writer.Write(GzipHeader);
        for (var i = 0; i <= personal.Count; i++)
        {
            writer.Write(_deflated[i]);
            crc.Append(_plain[i]);
            length += _plain[i].Length;
            if (i < personal.Count)
            {
                WriteStored(writer, personal[i]);
                crc.Append(personal[i]);
                length += personal[i].Length;
            }
        }
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)length);
        writer.Write(trailer);
    }

    /// <summary>Stored deflate blocks (not final) holding <paramref name="data"/> as it is.</summary>
    static void WriteStored(PipeWriter writer, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[5];
        while (!data.IsEmpty)
        {
            var block = data[..Math.Min(data.Length, MaxStoredBlock)];
            header[0] = 0;
            BinaryPrimitives.WriteUInt16LittleEndian(header[1..], (ushort)block.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[3..], (ushort)~block.Length);
            writer.Write(header);
            writer.Write(block);
            data = data[block.Length..];
        }
    }

    static bool AcceptsGzip(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted))
        {
            return false;
        }
        var gzip = accepted.FirstOrDefault(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            ?? accepted.FirstOrDefault(e => e.Value.Equals("*", StringComparison.Ordinal));
        return gzip is not null && (gzip.Quality ?? 1) > 0;
    }
}

/// <summary>The lesson shells of the catalogue in use: a new catalogue (courses edited) starts with none.</summary>
public sealed class LessonShells
{
    readonly ConditionalWeakTable<CourseCatalog, ConcurrentDictionary<(string Course, string Lesson), LessonShell>> _byCatalog = new();

    public LessonShell? Find(CourseCatalog catalog, Course course, Lesson lesson) =>
        _byCatalog.TryGetValue(catalog, out var shells) && shells.TryGetValue((course.Slug, lesson.Slug), out var shell) ? shell : null;

    public void Keep(CourseCatalog catalog, Course course, Lesson lesson, LessonShell shell) =>
        _byCatalog.GetOrCreateValue(catalog)[(course.Slug, lesson.Slug)] = shell;
}

/// <summary>Serves a kept lesson shell with this request's own parts.</summary>
public sealed class LessonShellResult(LessonShell shell, IReadOnlyList<byte[]> parts) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => shell.WriteAsync(context.HttpContext, parts);
}

/// <summary>
/// The first visit with a cookie to a lesson: the page was rendered with marks where the personal parts go. The
/// rendering is caught here, cut and kept, and served like every later visit, with this request's own parts.
/// </summary>
public sealed class LessonShellCaptureAttribute : Attribute, IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.Result is not PageResult || http.Items[typeof(LessonShellCaptureAttribute)] is not PendingShell pending)
        {
            await next();
            return;
        }
        var response = http.Response;
        var body = response.Body;
        using var rendered = new MemoryStream();
        response.Body = rendered;
        try
        {
            await next();
        }
        finally
        {
            response.Body = body;
        }
        var shell = LessonShell.Cut(Encoding.UTF8.GetString(rendered.GetBuffer(), 0, (int)rendered.Length), pending.Marks);
        pending.Keep(shell);
        await shell.WriteAsync(http, pending.Parts);
    }

    /// <summary>Asks for the page about to be rendered to be cut at <paramref name="marks"/> and kept.</summary>
    public static void Request(HttpContext http, IReadOnlyList<string> marks, IReadOnlyList<byte[]> parts, Action<LessonShell> keep) =>
        http.Items[typeof(LessonShellCaptureAttribute)] = new PendingShell(marks, parts, keep);

    sealed record PendingShell(IReadOnlyList<string> Marks, IReadOnlyList<byte[]> Parts, Action<LessonShell> Keep);
}
