using System.Net;
using System.Text;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// Guest learners (one cookie jar each) submitting lesson quiz attempts through
/// <c>POST /api/courses/{course}/quizzes/{quiz}/attempts</c>, for <c>submit</c> (one platform) and <c>cluster</c> (a
/// client per silo). Each submission has a fresh attempt id and a quiz picked by learner and turn, and goes with the
/// learner's own cookie through the learner's client. Every 200 is an acknowledged attempt id, kept for the durability check.
/// </summary>
public sealed class QuizSubmissions
{
    readonly Catalogue _catalogue;
    readonly BenchOptions _options;
    readonly Func<int, HttpClient> _clientOf;
    readonly Learners _learners;
    readonly List<Guid>[] _acknowledged;

    QuizSubmissions(Catalogue catalogue, BenchOptions options, Func<int, HttpClient> clientOf)
    {
        _catalogue = catalogue;
        _options = options;
        _clientOf = clientOf;
        _learners = new Learners(options.Learners);
        _acknowledged = [.. Enumerable.Range(0, options.Concurrency).Select(_ => new List<Guid>(1024))];
    }

    /// <summary>Reads the lesson quizzes through the first learner's client; <paramref name="clientOf"/> gives each learner's client.</summary>
    public static async Task<QuizSubmissions> LoadAsync(BenchOptions options, Func<int, HttpClient> clientOf, CancellationToken cancel)
    {
        var catalogue = await Catalogue.LoadAsync(clientOf(0), withQuizzes: true, cancel);
        if (catalogue.Quizzes.Count == 0)
        {
            throw new BenchException("no lesson page has a quiz form");
        }
        return new QuizSubmissions(catalogue, options, clientOf);
    }

    public int Quizzes => _catalogue.Quizzes.Count;

    /// <summary>Learners whose first submission got them a cookie.</summary>
    public long KnownLearners => _learners.Known;

    /// <summary>Attempts acknowledged so far, warm-ups included.</summary>
    public int Acknowledged => _acknowledged.Sum(a => a.Count);

    /// <summary>One submission by <paramref name="learner"/>, counted for <paramref name="worker"/>.</summary>
    public async Task<Outcome> SubmitAsync(int worker, int learner, long turn, CancellationToken token)
    {
        var quiz = _catalogue.Quizzes[(int)((learner + turn) % _catalogue.Quizzes.Count)];
        var attemptId = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, quiz.AttemptsPath)
        {
            Content = new StringContent(quiz.DrawId is { } draw
                ? $$"""{"attemptId":"{{attemptId}}","drawId":"{{draw}}","answers":{{quiz.AnswersJson}}}"""
                : $$"""{"attemptId":"{{attemptId}}","answers":{{quiz.AnswersJson}}}""", Encoding.UTF8, "application/json"),
        };
        var cookie = _learners.Cookie(learner);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        using var response = await _clientOf(learner).SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return Outcome.Failed($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
        }
        if (cookie is null)
        {
            _learners.Remember(learner, response);
        }
        _acknowledged[worker].Add(attemptId);
        return Outcome.Success;
    }

    /// <summary>Untimed: each learner's first submission, which creates it.</summary>
    public Task<LoadResult> CreateLearnersAsync(CancellationToken cancel)
    {
        long next = -1;
        return LoadLoop.RunAsync(Math.Min(_options.Concurrency, _options.Learners), TimeSpan.FromMinutes(15), _options.Learners,
            (worker, _, token) => SubmitAsync(worker, (int)Interlocked.Increment(ref next), 0, token), cancel);
    }

    /// <summary>
    /// The measured run, between two samples of <paramref name="cpu"/>; its load, CPU and acknowledged count go to
    /// <paramref name="figures"/>. Worker w serves learners w, w+C, w+2C…: two workers never hold the same learner at
    /// once (when learners ≥ workers).
    /// </summary>
    public async Task<(LoadResult Load, CpuSample Before, CpuSample After)> MeasureAsync(Func<CpuSample> cpu, Figures figures, CancellationToken cancel)
    {
        Console.Error.WriteLine($"measuring for {_options.Seconds} s…");
        var before = cpu();
        var load = await LoadLoop.RunAsync(_options.Concurrency, TimeSpan.FromSeconds(_options.Seconds), _options.MaxOps,
            (worker, turn, token) => SubmitAsync(worker, (int)((worker + turn * _options.Concurrency) % _options.Learners), turn, token), cancel);
        var after = cpu();
        figures.AddLoad(load);
        figures.AddCpu(before, after);
        figures.Add("acknowledged", load.Count, "count");
        return (load, before, after);
    }

    /// <summary>
    /// Durability, once the platform is stopped: true when <paramref name="stored"/> (the attempt ids in
    /// <c>QuizAttempts</c>) holds every acknowledged one. Adds acknowledged_total, stored_attempts and
    /// lost_acknowledged; a measured run that got nothing acknowledged fails the scenario.
    /// </summary>
    public bool AllStored(HashSet<Guid> stored, LoadResult measured, Figures figures, string whenAcknowledged)
    {
        var all = _acknowledged.SelectMany(a => a).ToList();
        var lost = all.Count(id => !stored.Contains(id));
        figures.Add("acknowledged_total", all.Count, "count");
        figures.Add("stored_attempts", stored.Count, "count");
        figures.Add("lost_acknowledged", lost, "count");
        Console.Error.WriteLine($"durability: {all.Count} acknowledged ({whenAcknowledged}), {stored.Count} rows in QuizAttempts, {lost} acknowledged attempts missing");
        if (measured.Count == 0)
        {
            throw new BenchException("no submission was acknowledged");
        }
        return lost == 0;
    }

    /// <summary>One cookie jar per learner: the <c>bdhvs.guest</c> cookie the platform set on the learner's first POST.</summary>
    sealed class Learners(int count)
    {
        readonly string?[] _cookies = new string?[count];
        long _known;

        public long Known => Interlocked.Read(ref _known);

        public string? Cookie(int learner) => Volatile.Read(ref _cookies[learner]);

        public void Remember(int learner, HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                return;
            }
            foreach (var value in values)
            {
                if (value.StartsWith("bdhvs.guest=", StringComparison.Ordinal))
                {
                    var pair = value.Split(';', 2)[0];
                    if (Interlocked.CompareExchange(ref _cookies[learner], pair, null) is null)
                    {
                        Interlocked.Increment(ref _known);
                    }
                }
            }
        }
    }
}
