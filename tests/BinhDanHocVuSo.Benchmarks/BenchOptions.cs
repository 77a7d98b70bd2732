using System.Globalization;
using System.Reflection;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>The command line: <c>SCENARIO [--seconds N] [options]</c>.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/BinhDanHocVuSo.Benchmarks -- SCENARIO [options]
          SCENARIO                 submit | lesson | dashboard | survey-report | memory | cluster | import | province
                                   | all (every figure of the results table, for SQLite, PostgreSQL 1 silo and 2 silos)
          --seconds N              measured time per scenario (default 10)
          --concurrency N          concurrent workers / connections (default 64)
          --learners N             submit, lesson: distinct guest learners, one cookie jar each (default 1000)
          --lazy-learners          submit: create learners on their first timed submission instead of in the untimed warm-up
          --postgres               run on a throw-away PostgreSQL started here (initdb/pg_ctl from /usr/lib/postgresql/*/bin)
          --postgres-connection S  run on this PostgreSQL instead (the database must be empty or disposable)
          --load wrk|dotnet        lesson: load generator (default: wrk when installed, else the .NET one)
          --threads N              lesson with wrk: wrk threads (default 1)
          --warmup-seconds N       untimed warm-up under the measured load before measuring (default 20)
          --max-ops N              hard cap of operations per measured phase (default 5000000)
          --webhost PATH           BinhDanHocVuSo.Web.dll to run (default: the published copy in webhost/ beside the harness)
          --repo PATH              repository root holding courses/ and assessments/ (default: where the harness was built)
          --responses N            survey-report: submitted survey responses to seed (default 100000)
          --unscored               survey-report: seed the answers only, as responses submitted before scores were kept
          --import-rows N          import: rows of the imported CSV (default 2000, the platform's cap)
          --province-learners N    province: learner accounts to seed (default 1000000)
          --silos N                silo processes sharing one PostgreSQL (default 1, cluster 2); more than 1 implies --postgres
          --table PATH             all: the Markdown results table to write (default benchmark-results.md)
          --keep                   keep the temporary folder (database, logs) and print its path
        Figures: one JSON object per line on stdout; progress on stderr.
        """;

    public string Scenario { get; private set; } = "";
    public bool Help { get; private set; }
    public double Seconds { get; private set; } = 10;
    public int Concurrency { get; private set; } = 64;
    public int Learners { get; private set; } = 1000;
    public bool LazyLearners { get; private set; }
    public bool Postgres { get; private set; }
    public string? PostgresConnection { get; private set; }
    public string? Load { get; private set; }
    public int Threads { get; private set; } = 1;
    public double WarmupSeconds { get; private set; } = 20;
    public long MaxOps { get; private set; } = 5_000_000;
    public string WebHost { get; private set; } = Path.Combine(AppContext.BaseDirectory, "webhost", "BinhDanHocVuSo.Web.dll");
    public string Repo { get; private set; } = BuiltRepositoryRoot();
    public bool Keep { get; private set; }
    int? _silos;
    public int Silos => _silos ?? (Scenario == "cluster" ? 2 : 1);
    public string Table { get; private set; } = "benchmark-results.md";
    public int Responses { get; private set; } = 100_000;
    public bool Unscored { get; private set; }
    public int ImportRows { get; private set; } = 2000;
    public int ProvinceLearners { get; private set; } = 1_000_000;

    public bool UsesPostgres => Postgres || PostgresConnection is not null;
    public string Database => UsesPostgres ? (Silos > 1 ? $"postgres-{Silos}-silos" : "postgres") : "sqlite";

    /// <summary>These options for one scenario of an <c>all</c> run, on SQLite or on PostgreSQL with this many silos.</summary>
    public BenchOptions For(string scenario, bool postgres, int silos)
    {
        var copy = (BenchOptions)MemberwiseClone();
        copy.Scenario = scenario;
        copy.Postgres = postgres;
        copy._silos = silos;
        return copy;
    }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "-h" or "--help": options.Help = true; break;
                case "--seconds": options.Seconds = Positive(Next(), 3600); break;
                case "--concurrency": options.Concurrency = (int)Positive(Next(), 4096); break;
                case "--learners": options.Learners = (int)Positive(Next(), 10_000_000); break;
                case "--lazy-learners": options.LazyLearners = true; break;
                case "--postgres": options.Postgres = true; break;
                case "--postgres-connection": options.PostgresConnection = Next(); break;
                case "--load":
                    options.Load = Next() is "wrk" or "dotnet" ? args[i] : throw new ArgumentException("--load is wrk or dotnet");
                    break;
                case "--threads": options.Threads = (int)Positive(Next(), 64); break;
                case "--warmup-seconds": options.WarmupSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--max-ops": options.MaxOps = (long)Positive(Next(), 1e9); break;
                case "--webhost": options.WebHost = Path.GetFullPath(Next()); break;
                case "--repo": options.Repo = Path.GetFullPath(Next()); break;
                case "--keep": options.Keep = true; break;
                case "--silos": options._silos = (int)Positive(Next(), 16); break;
                case "--table": options.Table = Path.GetFullPath(Next()); break;
                case "--responses": options.Responses = (int)Positive(Next(), 10_000_000); break;
                case "--unscored": options.Unscored = true; break;
                case "--import-rows": options.ImportRows = (int)Positive(Next(), 100_000); break;
                case "--province-learners": options.ProvinceLearners = (int)Positive(Next(), 10_000_000); break;
                case var a when a.StartsWith('-'): throw new ArgumentException($"unknown option {a}");
                case var a when options.Scenario.Length == 0: options.Scenario = a; break;
                case var a: throw new ArgumentException($"unexpected argument {a}");
            }
        }
        if (!options.Help && options.Scenario is not ("submit" or "lesson" or "dashboard" or "survey-report" or "memory" or "cluster" or "import" or "province" or "all"))
        {
            throw new ArgumentException(options.Scenario.Length == 0 ? "no scenario given" : $"unknown scenario '{options.Scenario}'");
        }
        if ((options.Scenario == "cluster" || options.Silos > 1) && options.PostgresConnection is null)
        {
            // Silos find each other through PostgreSQL (Orleans AdoNet clustering): the cluster always runs on it.
            options.Postgres = true;
        }
        return options;
    }

    static double Positive(string text, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > max)
        {
            throw new ArgumentException($"'{text}' is not a number between 0 and {max}");
        }
        return value;
    }

    static string BuiltRepositoryRoot() =>
        typeof(BenchOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value ?? Directory.GetCurrentDirectory();
}
