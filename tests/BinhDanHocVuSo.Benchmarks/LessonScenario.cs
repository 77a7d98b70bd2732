using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>lesson</c>: first-time visitors (no cookie) load lesson pages, every lesson of every course round-robin,
/// with <c>Accept-Encoding: br, gzip</c>, from many connections; and the compressed size of one first load.
/// Then <c>lesson-learners</c>: the same load from <c>--learners</c> guest learners, each request with the next
/// learner's cookies (guest and anti-forgery), rotating over them.
/// </summary>
public static partial class LessonScenario
{
    const string Name = "lesson";
    const string LearnersName = "lesson-learners";

    public static async Task<bool> RunAsync(BenchOptions options, Cleanup cleanup, CancellationToken cancel)
    {
        var figures = new Figures(Name, options.Database);
        try
        {
            var (silos, tempDir, _) = await Start.SilosAsync(Name, options, cleanup, cancel);
            var platform = silos[0];
            figures.Add("cold_start_ms", silos.Max(s => s.ColdStart.TotalMilliseconds), "ms");
            var clients = silos.Select(s => LoadLoop.Client(s.Address, options.Concurrency)).ToList();
            using var disposeClients = new Disposables(clients);
            var http = clients[0];
            var catalogue = await Catalogue.LoadAsync(http, withQuizzes: false, cancel);
            await FirstLoadAsync(http, catalogue.Lessons[0], figures, cancel);

            var useWrk = options.Load switch
            {
                "wrk" => Wrk.Find() ?? throw new BenchException("--load wrk: wrk is not installed; install it with: apt-get install -y wrk"),
                "dotnet" => null,
                _ => Wrk.Find(),
            };
            if (useWrk is null && options.Load is null)
            {
                Console.Error.WriteLine("wrk not found (apt-get install -y wrk): using the .NET load generator, which needs more CPU per request than wrk");
            }
            var generator = useWrk is null ? $".NET HttpClient, {options.Concurrency} connections" : $"wrk, {options.Threads} thread(s), {options.Concurrency} connections";
            Console.Error.WriteLine($"lesson: {catalogue.Lessons.Count} lesson pages round-robin, Accept-Encoding: br, gzip, no cookies, {options.Seconds} s; " +
                $"load generator ({generator}) shares the {Environment.ProcessorCount} cores with the server");

            // With several silos the connections are shared out among them, each silo loaded at once by its own generator.
            var connections = Math.Max(1, options.Concurrency / silos.Count);
            var cookieless = silos.Select(_ => catalogue.Lessons.Select(l => new PageRequest(l.Path, null)).ToList()).ToArray();
            var ok = await MeasureAsync(Name, figures, cookieless);

            Console.Error.WriteLine($"{LearnersName}: creating {options.Learners} guest learners (untimed), each with its guest and anti-forgery cookies…");
            var setup = silos.Select(s => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false }) { BaseAddress = s.Address }).ToList();
            using var disposeSetup = new Disposables(setup);
            var learners = await LearnersAsync(setup, catalogue, options.Learners, options.Concurrency, cancel);
            var learnerFigures = new Figures(LearnersName, options.Database);
            learnerFigures.Add("learners", options.Learners, "count");
            Console.Error.WriteLine($"{LearnersName}: {options.Learners} learners, each request with the next learner's cookies, lesson pages round-robin, Accept-Encoding: br, gzip");
            ok &= await MeasureAsync(LearnersName, learnerFigures, learners);
            await Task.WhenAll(silos.Select(s => s.StopAsync()));
            return ok;

            async Task<bool> MeasureAsync(string name, Figures into, IReadOnlyList<PageRequest>[] perSilo)
            {
                async Task<LoadResult> Measure(double seconds) => LoadResult.Combine(await Task.WhenAll(silos.Select((silo, i) => useWrk is null
                    ? DotnetLoadAsync(clients[i], perSilo[i], connections, seconds, options.MaxOps, cancel)
                    : Wrk.RunAsync(useWrk, silo.Address, perSilo[i], options.Threads, connections, seconds,
                        Directory.CreateDirectory(Path.Combine(tempDir, $"wrk-{name}-{i + 1}")).FullName, cancel))));

                if (options.WarmupSeconds > 0)
                {
                    Console.Error.WriteLine($"{name}: warm-up (untimed) for {options.WarmupSeconds} s…");
                    var warm = await Measure(options.WarmupSeconds);
                    Console.Error.WriteLine($"{name}: warm-up: {warm.Rate:F0} pages/s, p99 {warm.Percentile(99):F1} ms");
                }
                Console.Error.WriteLine($"{name}: measuring for {options.Seconds} s…");
                var before = CpuSample.Take(silos);
                var load = await Measure(options.Seconds);
                var after = CpuSample.Take(silos, load.ExternalClientCpu);
                into.AddLoad(load);
                into.AddCpu(before, after);
                into.Add("server_threads", platform.Threads(), "count");
                into.Add("load_generator_wrk", useWrk is null ? 0 : 1, "bool");
                var seconds = (after.At - before.At).TotalSeconds;
                Console.Error.WriteLine($"{name}: {load.Count} pages in {load.Elapsed.TotalSeconds:F1} s = {load.Rate:F0}/s, p50 {load.Percentile(50):F2} ms, p99 {load.Percentile(99):F2} ms, {load.Errors} errors; " +
                    $"CPU: server {(after.Server - before.Server).TotalSeconds / seconds:F2} cores of {(after.MachineBusy - before.MachineBusy).TotalSeconds / seconds:F2} busy (the rest is mostly the load generator)");
                return load.Count > 0;
            }
        }
        finally
        {
            await cleanup.RunAsync();
        }
    }

    /// <summary>
    /// Guest learners, made as people make them: one marks a lesson done (a cookie-less POST, which creates the guest
    /// and its cookie), then opens it (which sets the anti-forgery cookie). Learner l talks to silo l mod S (its cookie
    /// is protected with that silo's keys); learner l reads lesson l mod L. Per silo, the requests of its learners.
    /// </summary>
    static async Task<IReadOnlyList<PageRequest>[]> LearnersAsync(IReadOnlyList<HttpClient> clients, Catalogue catalogue, int count, int concurrency, CancellationToken cancel)
    {
        var made = new PageRequest?[count];
        long next = -1;
        var run = await LoadLoop.RunAsync(Math.Min(concurrency, count), TimeSpan.FromMinutes(15), count, async (_, _, token) =>
        {
            var learner = (int)Interlocked.Increment(ref next);
            var http = clients[learner % clients.Count];
            var lesson = catalogue.Lessons[learner % catalogue.Lessons.Count];
            using var done = await http.PostAsync($"{lesson.Path}?handler=Done", null, token);
            if (done.StatusCode != HttpStatusCode.Redirect || CookiePair(done, "bdhvs.guest=") is not { } guest)
            {
                return Outcome.Failed($"POST {lesson.Path}?handler=Done answered {(int)done.StatusCode} without a guest cookie");
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, lesson.Path);
            request.Headers.Add("Cookie", guest);
            using var page = await http.SendAsync(request, token);
            if (page.StatusCode != HttpStatusCode.OK || CookiePair(page, ".AspNetCore.Antiforgery.") is not { } antiforgery)
            {
                return Outcome.Failed($"GET {lesson.Path} with a guest cookie answered {(int)page.StatusCode} without an anti-forgery cookie");
            }
            made[learner] = new PageRequest(lesson.Path, $"{guest}; {antiforgery}");
            return Outcome.Success;
        }, cancel);
        Console.Error.WriteLine($"{LearnersName}: {run.Count} learners made in {run.Elapsed.TotalSeconds:F1} s, {run.Errors} errors");
        if (made.Any(m => m is null))
        {
            throw new BenchException($"only {made.Count(m => m is not null)} of {count} learners could be made");
        }
        return clients.Select((_, silo) => (IReadOnlyList<PageRequest>)made.Where((_, l) => l % clients.Count == silo).Select(m => m!).ToList()).ToArray();
    }

    static string? CookiePair(HttpResponseMessage response, string prefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal))?.Split(';', 2)[0]
            : null;

    /// <summary>
    /// A phone's first visit: the lesson HTML and the stylesheets and scripts it references, each asked for with
    /// <c>Accept-Encoding: br</c>; the figure is the sum of the response bodies as sent (compressed).
    /// </summary>
    static async Task FirstLoadAsync(HttpClient http, LessonPage lesson, Figures figures, CancellationToken cancel)
    {
        var (htmlBytes, htmlEncoding, html) = await FetchAsync(http, lesson.Path, decode: true, cancel);
        var total = htmlBytes;
        var requests = 1;
        var report = new StringBuilder($"first load of {lesson.Path}: HTML {htmlBytes} B ({htmlEncoding})");
        var assets = Assets().Matches(html!).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))
            .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal)).Distinct().ToList();
        foreach (var asset in assets)
        {
            var (bytes, encoding, _) = await FetchAsync(http, asset, decode: false, cancel);
            total += bytes;
            requests++;
            report.Append($", {asset} {bytes} B ({encoding})");
        }
        Console.Error.WriteLine(report);
        figures.Add("first_load_bytes", total, "bytes");
        figures.Add("first_load_html_bytes", htmlBytes, "bytes");
        figures.Add("first_load_requests", requests, "count");
    }

    static async Task<(long Bytes, string Encoding, string? Text)> FetchAsync(HttpClient http, string path, bool decode, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var response = await http.SendAsync(request, cancel);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"GET {path} answered {(int)response.StatusCode}");
        }
        var body = await response.Content.ReadAsByteArrayAsync(cancel);
        var encoding = string.Join(',', response.Content.Headers.ContentEncoding) is { Length: > 0 } e ? e : "identity";
        string? text = null;
        if (decode)
        {
            using var raw = new MemoryStream(body);
            using Stream decoded = encoding switch
            {
                "br" => new System.IO.Compression.BrotliStream(raw, System.IO.Compression.CompressionMode.Decompress),
                "gzip" => new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress),
                _ => raw,
            };
            using var reader = new StreamReader(decoded, Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancel);
        }
        return (body.LongLength, encoding, text);
    }

    static Task<LoadResult> DotnetLoadAsync(HttpClient http, IReadOnlyList<PageRequest> pages, int concurrency, double seconds, long maxOps, CancellationToken cancel)
    {
        long next = 0;
        return LoadLoop.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), maxOps, async (_, _, token) =>
        {
            var page = pages[(int)(Interlocked.Increment(ref next) % pages.Count)];
            using var request = new HttpRequestMessage(HttpMethod.Get, page.Path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            if (page.Cookie is not null)
            {
                request.Headers.Add("Cookie", page.Cookie);
            }
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            return response.StatusCode == HttpStatusCode.OK ? Outcome.Success : Outcome.Failed(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }, cancel);
    }

    // Stylesheets and scripts needed for the first render: <link rel="stylesheet" href> and <script src>.
    [GeneratedRegex("""<link[^>]*rel="stylesheet"[^>]*href="(?<url>[^"]+)"[^>]*>|<link[^>]*href="(?<url>[^"]+)"[^>]*rel="stylesheet"[^>]*>|<script[^>]*src="(?<url>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Assets();
}

/// <summary>One page to ask for, with the cookies to send (none for a first-time visitor).</summary>
public sealed record PageRequest(string Path, string? Cookie);

/// <summary>
/// The <c>wrk</c> load generator (Debian package <c>wrk</c>): C and epoll, so it leaves more of the shared cores
/// to the server than a .NET client. A Lua script rotates the requests (paths and cookies) and prints exact figures at the end.
/// </summary>
public static class Wrk
{
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(dir => Path.Combine(dir, "wrk")).FirstOrDefault(File.Exists);

    public static async Task<LoadResult> RunAsync(string wrk, Uri address, IReadOnlyList<PageRequest> pages, int threads, int connections,
        double seconds, string tempDir, CancellationToken cancel)
    {
        static string Lua(string text) => $"\"{text.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
        var script = Path.Combine(tempDir, "lessons.lua");
        var lua = new StringBuilder();
        lua.AppendLine("local pages = {");
        foreach (var page in pages)
        {
            lua.AppendLine(page.Cookie is null ? $"  {{ {Lua(page.Path)} }}," : $"  {{ {Lua(page.Path)}, {Lua(page.Cookie)} }},");
        }
        lua.AppendLine("""
            }
            local requests = {}
            local i = 0
            init = function(args)
              for k, p in ipairs(pages) do
                local headers = { ["Accept-Encoding"] = "br, gzip" }
                if p[2] then headers["Cookie"] = p[2] end
                requests[k] = wrk.format("GET", p[1], headers)
              end
              i = math.random(#requests) - 1
            end
            request = function()
              i = (i % #requests) + 1
              return requests[i]
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("BENCH requests %d\n", summary.requests))
              io.write(string.format("BENCH duration_us %d\n", summary.duration))
              io.write(string.format("BENCH errors %d\n", e.connect + e.read + e.write + e.status + e.timeout))
              io.write(string.format("BENCH p50_us %d\n", latency:percentile(50)))
              io.write(string.format("BENCH p90_us %d\n", latency:percentile(90)))
              io.write(string.format("BENCH p99_us %d\n", latency:percentile(99)))
              io.write(string.format("BENCH max_us %d\n", latency.max))
            end
            """);
        await File.WriteAllTextAsync(script, lua.ToString(), cancel);

        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{Math.Max(1, (int)Math.Round(seconds))}s", "--timeout", "5s", "--latency", "-s", script, address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new BenchException("could not start wrk");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds + 30));
        var cpu = TimeSpan.Zero;
        try
        {
            // wrk's own CPU time, sampled until it exits (a finished process can no longer be asked).
            while (!process.HasExited)
            {
                try
                {
                    process.Refresh();
                    cpu = process.TotalProcessorTime;
                }
                catch (InvalidOperationException)
                {
                    // Exited between the check and the read.
                }
                await Task.Delay(100, limit.Token);
            }
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        var text = await output;
        var figures = text.Split('\n').Where(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')).ToDictionary(p => p[1], p => double.Parse(p[2], CultureInfo.InvariantCulture));
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("BENCH ", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine($"  [wrk] {line}");
        }
        if (process.ExitCode != 0 || !figures.ContainsKey("requests"))
        {
            throw new BenchException($"wrk failed ({process.ExitCode}): {await error}{text}");
        }
        var errors = (long)figures["errors"];
        return LoadResult.FromMeasured((long)figures["requests"] - errors, errors, TimeSpan.FromMicroseconds(figures["duration_us"]),
            figures["p50_us"] / 1000, figures["p90_us"] / 1000, figures["p99_us"] / 1000, figures["max_us"] / 1000, cpu);
    }
}
