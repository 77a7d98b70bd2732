using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>import</c>: a trainer imports 2,000 accounts (<c>--import-rows</c>) through the real <c>/trainer/import</c> form while the <c>submit</c>
/// load runs, and uploads a zip-bomb spreadsheet. Figures: the import's time (upload to login cards), the submissions'
/// rate and latency before and during the import (issue target: p99 under 200 ms, no 5xx), and the web host's resident
/// memory above idle while it refuses the bomb (target: under 50 MB, answered 400).
/// </summary>
public static partial class ImportScenario
{
    const string Name = "import";
    const int BombRows = 3_500_000;

    public static async Task<bool> RunAsync(BenchOptions options, Cleanup cleanup, CancellationToken cancel)
    {
        var figures = new Figures(Name, options.Database);
        try
        {
            var (platform, tempDir, postgres) = await Start.PlatformAsync(Name, options, cleanup, cancel);
            figures.Add("cold_start_ms", platform.ColdStart.TotalMilliseconds, "ms");
            await using var db = await SeedDb.OpenAsync(tempDir, postgres, cancel);
            using var trainer = await WebAccount.CreateAsync(platform.Address, db, "Trainer", cancel);

            // The zip bomb first, on an idle host, so that its resident memory is not mixed with the load's.
            var bomb = ZipBomb();
            var (bombStatus, bombBody, bombMs, rssAboveIdle) = await UploadWatchingMemoryAsync(trainer.Http, platform, "bomb.xlsx", bomb, cancel);
            var bombReason = Reason(bombBody);
            figures.Add("zip_bomb_kb", bomb.Length / 1024.0, "KB");
            figures.Add("zip_bomb_status", bombStatus, "code");
            figures.Add("zip_bomb_ms", bombMs, "ms");
            figures.Add("zip_bomb_rss_mb_above_idle", rssAboveIdle, "MB");
            Console.Error.WriteLine($"zip bomb: {bomb.Length / 1024} KB expanding to {BombRows:N0} rows answered {bombStatus} in {bombMs:F0} ms " +
                $"(\"{bombReason}\"); resident memory at most {rssAboveIdle:F1} MB above idle (target < 50 MB, 400)");

            using var http = LoadLoop.Client(platform.Address, options.Concurrency);
            var catalogue = await Catalogue.LoadAsync(http, withQuizzes: true, cancel);
            var load = new SubmitLoad(http, catalogue, options.Concurrency);
            Console.Error.WriteLine($"warm-up (untimed): the submit load from {options.Concurrency} guest learners for {options.WarmupSeconds} s…");
            await load.RunAsync(TimeSpan.FromSeconds(options.WarmupSeconds), null, cancel);
            Console.Error.WriteLine($"measuring the submit load alone for {options.Seconds} s…");
            var alone = await load.RunAsync(TimeSpan.FromSeconds(options.Seconds), null, cancel);
            figures.Add("submit_rate_alone", alone.Result.Rate, "ops/s");
            figures.Add("submit_p99_ms_alone", alone.Result.Percentile(99), "ms");
            Console.Error.WriteLine($"submit alone: {alone.Result.Rate:F0}/s, p99 {alone.Result.Percentile(99):F1} ms, {alone.Result.Errors} errors");

            Console.Error.WriteLine($"importing {options.ImportRows} accounts through /trainer/import while the submit load runs…");
            using var importDone = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var during = load.RunAsync(TimeSpan.FromMinutes(30), importDone.Token, cancel);
            var clock = Stopwatch.StartNew();
            var (status, page) = await ImportAsync(trainer.Http, Csv(options.ImportRows), cancel);
            var importMs = clock.Elapsed.TotalMilliseconds;
            await importDone.CancelAsync();
            var submitted = await during;
            var cards = LoginCard().Count(page);
            figures.Add("import_rows", options.ImportRows, "count");
            figures.Add("import_ms", importMs, "ms");
            figures.Add("import_cards", cards, "count");
            figures.Add("submit_rate_during_import", submitted.Result.Rate, "ops/s");
            figures.Add("submit_p50_ms_during_import", submitted.Result.Percentile(50), "ms");
            figures.Add("submit_p99_ms_during_import", submitted.Result.Percentile(99), "ms");
            figures.Add("submit_max_ms_during_import", submitted.Result.Percentile(100), "ms");
            figures.Add("submit_errors_during_import", submitted.Result.Errors, "count");
            figures.Add("submit_5xx_during_import", submitted.ServerErrors, "count");
            Console.Error.WriteLine($"import: {cards} login cards after {importMs / 1000:F1} s (answer {status}); meanwhile submit {submitted.Result.Count} acknowledged, " +
                $"{submitted.Result.Rate:F0}/s, p50 {submitted.Result.Percentile(50):F1} ms, p99 {submitted.Result.Percentile(99):F1} ms, " +
                $"max {submitted.Result.Percentile(100):F1} ms, {submitted.Result.Errors} errors of which {submitted.ServerErrors} 5xx (target p99 < 200 ms, no 5xx)");
            return bombStatus == 400 && cards == options.ImportRows && submitted.ServerErrors == 0;
        }
        finally
        {
            await cleanup.RunAsync();
        }
    }

    /// <summary>Uploads the CSV through the form and follows the status page until the import has ended.</summary>
    static async Task<(int Status, string Page)> ImportAsync(HttpClient trainer, byte[] csv, CancellationToken cancel)
    {
        var (status, page, at) = await UploadAsync(trainer, "danh-sach.csv", csv, cancel);
        if (status != 200 || !at.AbsolutePath.StartsWith("/trainer/import/", StringComparison.Ordinal))
        {
            throw new BenchException($"the import was refused ({status}): {Reason(page)}");
        }
        while (page.Contains("data-refresh=", StringComparison.Ordinal))
        {
            await Task.Delay(250, cancel);
            using var response = await trainer.GetAsync(at, cancel);
            status = (int)response.StatusCode;
            page = await response.Content.ReadAsStringAsync(cancel);
        }
        return (status, page);
    }

    /// <summary>Posts a file to the import form, sampling the host's resident memory (VmRSS) every 20 ms meanwhile.</summary>
    static async Task<(int Status, string Body, double Ms, double RssMbAboveIdle)> UploadWatchingMemoryAsync(HttpClient trainer, Platform platform, string name, byte[] file,
        CancellationToken cancel)
    {
        await trainer.GetStringAsync("/trainer/import", cancel); // the page, its token and the host's code paths, before idle is measured
        var idle = Enumerable.Range(0, 5).Select(_ => { Thread.Sleep(20); return ResidentKb(platform); }).Min();
        var peak = idle;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentKb(platform));
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var (status, body, _) = await UploadAsync(trainer, name, file, cancel);
        var ms = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(100, cancel);
        await stop.CancelAsync();
        await sampler;
        return (status, body, ms, (peak - idle) / 1024.0);
    }

    static async Task<(int Status, string Body, Uri At)> UploadAsync(HttpClient trainer, string name, byte[] file, CancellationToken cancel)
    {
        var form = await trainer.GetStringAsync("/trainer/import", cancel);
        var token = Token().Match(form);
        if (!token.Success)
        {
            throw new BenchException("GET /trainer/import has no __RequestVerificationToken");
        }
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups["t"].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "File", name },
        };
        using var response = await trainer.PostAsync("/trainer/import", content, cancel);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancel), response.RequestMessage!.RequestUri!);
    }

    static long ResidentKb(Platform platform)
    {
        try
        {
            var line = File.ReadLines($"/proc/{platform.ProcessId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Learners of the trainer's commune, in two groups, with numbers no account of the harness uses (03…).</summary>
    static byte[] Csv(int rows)
    {
        var random = new Random(15);
        var csv = new StringBuilder("ho_ten,so_dien_thoai,xa_phuong,nhom\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{VietnameseNames.Next(random)},03{i:D8},{WebAccount.Commune},Lớp {1 + i % 2}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>An .xlsx of a few hundred KB whose sheet holds 3.5 million tiny rows: repetitive XML zips a thousandfold.</summary>
    static byte[] ZipBomb()
    {
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string path, string xml)
            {
                using var part = zip.CreateEntry(path).Open();
                part.Write(Encoding.UTF8.GetBytes(xml));
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>ho_ten</t></is></c><c t="inlineStr"><is><t>so_dien_thoai</t></is></c><c t="inlineStr"><is><t>xa_phuong</t></is></c></row>"""u8);
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c><v>1</v></c></row>", 1000)));
            for (var i = 0; i < BombRows / 1000; i++)
            {
                sheet.Write(chunk);
            }
            sheet.Write("</sheetData></worksheet>"u8);
        }
        return file.ToArray();
    }

    static string Reason(string page) => WebUtility.HtmlDecode(Alert().Match(page) is { Success: true } m ? Tags().Replace(m.Groups[1].Value, " ").Trim() : "");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<t>[^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("class=\"login-card\"")]
    private static partial Regex LoginCard();

    [GeneratedRegex("role=\"alert\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Alert();

    [GeneratedRegex(@"<[^>]+>|\s+")]
    private static partial Regex Tags();

    /// <summary>
    /// The <c>submit</c> load in short: one guest learner per worker (its cookie from its first answer), each sending quiz
    /// attempts with fresh ids one after another until the time is up or <c>until</c> is cancelled.
    /// </summary>
    sealed class SubmitLoad(HttpClient http, Catalogue catalogue, int workers)
    {
        readonly string?[] _cookies = new string?[workers];

        public sealed record Measured(LoadResult Result, long ServerErrors);

        public async Task<Measured> RunAsync(TimeSpan duration, CancellationToken? until, CancellationToken cancel)
        {
            var latencies = new List<long>[workers];
            long errors = 0, serverErrors = 0;
            var firstErrors = new List<string>();
            var clock = Stopwatch.StartNew();
            bool Going() => clock.Elapsed < duration && !cancel.IsCancellationRequested && until?.IsCancellationRequested != true;

            async Task Worker(int worker)
            {
                var mine = latencies[worker] = new List<long>(4096);
                for (long turn = 0; Going(); turn++)
                {
                    var quiz = catalogue.Quizzes[(int)((worker + turn) % catalogue.Quizzes.Count)];
                    using var request = new HttpRequestMessage(HttpMethod.Post, quiz.AttemptsPath)
                    {
                        Content = new StringContent($$"""{"attemptId":"{{Guid.NewGuid()}}","answers":{{quiz.AnswersJson}}}""", Encoding.UTF8, "application/json"),
                    };
                    if (_cookies[worker] is { } cookie)
                    {
                        request.Headers.Add("Cookie", cookie);
                    }
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancel);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            mine.Add(Stopwatch.GetTimestamp() - t0);
                            if (_cookies[worker] is null && response.Headers.TryGetValues("Set-Cookie", out var values))
                            {
                                _cookies[worker] = values.FirstOrDefault(v => v.StartsWith("bdhvs.guest=", StringComparison.Ordinal))?.Split(';', 2)[0];
                            }
                            continue;
                        }
                        Interlocked.Increment(ref errors);
                        if ((int)response.StatusCode >= 500)
                        {
                            Interlocked.Increment(ref serverErrors);
                        }
                        Note($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancel)}");
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancel.IsCancellationRequested))
                    {
                        Interlocked.Increment(ref errors);
                        Note(e.GetBaseException().Message);
                    }
                }
            }

            void Note(string error)
            {
                lock (firstErrors)
                {
                    if (firstErrors.Count < 5)
                    {
                        firstErrors.Add(error.Length > 200 ? error[..200] : error);
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w), CancellationToken.None)));
            cancel.ThrowIfCancellationRequested();
            foreach (var error in firstErrors)
            {
                Console.Error.WriteLine($"  error: {error}");
            }
            var all = latencies.SelectMany(l => l).ToArray();
            Array.Sort(all);
            return new Measured(new LoadResult(all.Length, errors, clock.Elapsed, all), serverErrors);
        }
    }
}
