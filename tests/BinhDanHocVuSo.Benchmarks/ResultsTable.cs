using System.Globalization;
using System.Text;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>all</c>: every figure of the results table, one scenario after another (never two at once: they share the two
/// cores), for SQLite in one process, PostgreSQL with one silo and PostgreSQL with two silos; then the table in Markdown.
/// </summary>
public static class ResultsTable
{
    static readonly (string Label, bool Postgres, int Silos)[] Setups = [("SQLite, 1 process", false, 1), ("PostgreSQL, 1 silo", true, 1), ("PostgreSQL, 2 silos", true, 2)];

    public static async Task<bool> RunAsync(BenchOptions options, Func<BenchOptions, Task<bool>> run)
    {
        var ok = true;
        var started = DateTime.UtcNow;
        foreach (var (label, postgres, silos) in Setups)
        {
            // Submissions on several silos are the cluster scenario: the same load, spread over the silos, plus the loss check.
            foreach (var scenario in new[] { "lesson", silos > 1 ? "cluster" : "submit", "survey-report", "memory" })
            {
                if (scenario == "survey-report" && silos > 1)
                {
                    continue; // one report is one request, answered by one silo: the 1-silo figure is the same query
                }
                Console.Error.WriteLine($"== all: {scenario} on {label}");
                ok &= await run(options.For(scenario, postgres, silos));
            }
        }
        var table = Markdown(Figures.All, started, options);
        await File.WriteAllTextAsync(options.Table, table);
        Console.Error.WriteLine($"results table written to {options.Table}:");
        Console.Error.WriteLine(table);
        return ok;
    }

    static string Markdown(IReadOnlyList<Figure> figures, DateTime started, BenchOptions options)
    {
        string Value(string scenario, string database, string metric, string format)
        {
            var figure = figures.LastOrDefault(f => f.Scenario == scenario && f.Database == database && f.Metric == metric);
            return figure is null ? "—" : figure.Value.ToString(format, CultureInfo.InvariantCulture);
        }
        string Database(bool postgres, int silos) => postgres ? (silos > 1 ? $"postgres-{silos}-silos" : "postgres") : "sqlite";
        string Submit(int silos) => silos > 1 ? "cluster" : "submit";

        var rows = new (string What, Func<bool, int, string> Cell)[]
        {
            ("Lesson pages (cached HTML, Brotli), pages/s", (p, s) => Value("lesson", Database(p, s), "rate", "N0")),
            ("Lesson pages, p99 ms", (p, s) => Value("lesson", Database(p, s), "p99_ms", "0.0")),
            ($"Lesson pages for learners with a cookie ({options.Learners:N0} learners, gzip), pages/s", (p, s) => Value("lesson-learners", Database(p, s), "rate", "N0")),
            ("Lesson pages for learners, p99 ms", (p, s) => Value("lesson-learners", Database(p, s), "p99_ms", "0.0")),
            ($"Quiz submissions (durable, {options.Learners:N0} learners), /s", (p, s) => Value(Submit(s), Database(p, s), "rate", "N0")),
            ("Quiz submissions, p99 ms", (p, s) => Value(Submit(s), Database(p, s), "p99_ms", "0.0")),
            ("Acknowledged submissions lost", (p, s) => Value(Submit(s), Database(p, s), "lost_acknowledged", "N0")),
            ($"Survey report, {options.Responses:N0} responses, p50 ms (kept report, nothing changed)", (p, s) => s > 1 ? "(as 1 silo)" : Value("survey-report", Database(p, s), "p50_ms", "N0")),
            ("Survey report, first request after the responses were written straight to the database (reads and scores every response), ms", (p, s) => s > 1 ? "(as 1 silo)" : Value("survey-report", Database(p, s), "first_ms", "N0")),
            ("Survey report, after one more submitted response (built again), p50 ms", (p, s) => s > 1 ? "(as 1 silo)" : Value("survey-report", Database(p, s), "rebuilt_p50_ms", "N0")),
            ("Survey report by commune, p50 ms", (p, s) => s > 1 ? "(as 1 silo)" : Value("survey-report", Database(p, s), "p50_ms_by_commune", "N0")),
            ("Survey report by commune, first request, ms", (p, s) => s > 1 ? "(as 1 silo)" : Value("survey-report", Database(p, s), "first_ms_by_commune", "N0")),
            ("Survey report, restart: ready after (builds the province's report first), ms", (p, s) => s > 1 ? "(as 1 silo)" : Value("survey-report", Database(p, s), "restart_ready_ms", "N0")),
            ("Survey report, first request after a restart, ms", (p, s) => s > 1 ? "(as 1 silo)" : Value("survey-report", Database(p, s), "restarted_first_ms", "N0")),
            ("Survey report by commune, first request after a restart, ms", (p, s) => s > 1 ? "(as 1 silo)" : Value("survey-report", Database(p, s), "restarted_first_ms_by_commune", "N0")),
            ("Memory per 10,000 active learner grains, MiB (managed heap)", (p, s) => Value("memory", Database(p, s), "managed_mb_per_10k_grains", "0.0")),
            ("Resident memory (RSS) of a web host process, idle after start, MiB", (p, s) => Value("memory", Database(p, s), "rss_idle_mb", "0")),
            ("Resident memory (RSS) of a web host process, 1,000 learners active, MiB", (p, s) => Value("memory", Database(p, s), "rss_1000_learners_mb", "0")),
            ("Cold start to ready, ms", (p, s) => Value("lesson", Database(p, s), "cold_start_ms", "N0")),
        };
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {started:yyyy-MM-dd} on this machine ({Environment.ProcessorCount} cores, load generator on the same cores) by `dotnet run -c Release --project tests/BinhDanHocVuSo.Benchmarks -- all`.");
        text.AppendLine();
        text.AppendLine("| Figure | " + string.Join(" | ", Setups.Select(s => s.Label)) + " |");
        text.AppendLine("|---|" + string.Concat(Setups.Select(_ => "---:|")));
        foreach (var (what, cell) in rows)
        {
            text.AppendLine($"| {what} | " + string.Join(" | ", Setups.Select(s => cell(s.Postgres, s.Silos))) + " |");
        }
        return text.ToString();
    }
}
