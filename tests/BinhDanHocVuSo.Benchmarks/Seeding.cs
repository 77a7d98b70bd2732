using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// A direct connection to the database of the running platform, for seeding rows with raw SQL. Values are bound the
/// way EF Core stores them: on SQLite a Guid is upper-case TEXT, on PostgreSQL a uuid; times are UTC.
/// </summary>
public sealed class SeedDb : IAsyncDisposable
{
    readonly DbConnection _connection;

    SeedDb(DbConnection connection, bool sqlite)
    {
        _connection = connection;
        IsSqlite = sqlite;
    }

    public bool IsSqlite { get; }

    public static async Task<SeedDb> OpenAsync(string tempDir, string? postgres, CancellationToken cancel)
    {
        DbConnection connection = postgres is null
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(tempDir, "bench.db"), Pooling = false, DefaultTimeout = 120 }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false, CommandTimeout = 300 }.ConnectionString);
        await connection.OpenAsync(cancel);
        return new SeedDb(connection, postgres is null);
    }

    public object Id(Guid id) => IsSqlite ? id.ToString().ToUpperInvariant() : id;

    public static Guid ToGuid(object value) => value is Guid g ? g : Guid.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);

    public DbTransaction Begin() => _connection.BeginTransaction();

    /// <summary>
    /// Writes rows with PostgreSQL's binary COPY, in the transaction open on the connection: millions of rows one
    /// statement each take a round trip each. Values are written as their .NET types map; null becomes SQL NULL.
    /// </summary>
    public async Task CopyAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancel)
    {
        var connection = _connection as NpgsqlConnection ?? throw new InvalidOperationException("COPY is PostgreSQL's; on SQLite, run prepared inserts");
        await using var writer = await connection.BeginBinaryImportAsync(
            $"""COPY "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)""", cancel);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancel);
            foreach (var value in row)
            {
                if (value is null)
                {
                    await writer.WriteNullAsync(cancel);
                }
                else
                {
                    await writer.WriteAsync(value, cancel);
                }
            }
        }
        await writer.CompleteAsync(cancel);
    }

    /// <summary>A prepared command with parameters <c>@p0</c>, <c>@p1</c>… as named in <paramref name="sql"/>.</summary>
    public DbCommand Prepare(DbTransaction? transaction, string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs a prepared command with these values (null becomes SQL NULL).</summary>
    public static Task<int> RunAsync(DbCommand command, CancellationToken cancel, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return command.ExecuteNonQueryAsync(cancel);
    }

    public async Task<int> ExecuteAsync(DbTransaction? transaction, string sql, CancellationToken cancel, params object?[] values)
    {
        await using var command = Prepare(transaction, sql, values.Length);
        return await RunAsync(command, cancel, values);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancel, params object?[] values)
    {
        await using var command = Prepare(null, sql, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        var result = await command.ExecuteScalarAsync(cancel);
        return result is DBNull ? null : result;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

/// <summary>
/// A real account made through the web forms (<c>/account/register</c>), given a role directly in the database,
/// then signed in again so that its cookie carries the role.
/// </summary>
public sealed partial class WebAccount : IDisposable
{
    public const string Commune = "cao-bang/phuong-thuc-phan";

    WebAccount(HttpClient http, Guid id)
    {
        Http = http;
        Id = id;
    }

    /// <summary>A client holding the signed-in cookie.</summary>
    public HttpClient Http { get; }

    public Guid Id { get; }

    /// <param name="commune">The commune the account registers with (default <see cref="Commune"/>); it must be one the platform knows.</param>
    public static async Task<WebAccount> CreateAsync(Uri address, SeedDb db, string role, CancellationToken cancel, string? commune = null)
    {
        var phone = "09" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fullName = $"Đo hiệu năng {role} {phone}";
        var password = "Bench-" + Guid.NewGuid().ToString("N")[..12];
        using (var register = Client(address))
        {
            var (status, body, _) = await PostFormAsync(register, "/account/register", new()
            {
                ["Phone"] = phone,
                ["FullName"] = fullName,
                ["Commune"] = commune ?? Commune,
                ["Password"] = password,
                ["ConfirmPassword"] = password,
            }, cancel);
            if (status != HttpStatusCode.OK)
            {
                throw new BenchException($"POST /account/register answered {(int)status}");
            }
            _ = body;
        }
        var id = await db.ScalarAsync("""SELECT "Id" FROM "AspNetUsers" WHERE "FullName" = @p0""", cancel, fullName)
            ?? throw new BenchException($"registering {phone} through /account/register made no account");
        var roleId = await db.ScalarAsync("""SELECT "Id" FROM "AspNetRoles" WHERE "Name" = @p0""", cancel, role)
            ?? throw new BenchException($"there is no role '{role}' in AspNetRoles");
        await db.ExecuteAsync(null, """INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES (@p0, @p1)""", cancel, id, roleId);

        var http = Client(address);
        var (loginStatus, _, at) = await PostFormAsync(http, "/account/login", new()
        {
            ["Phone"] = phone,
            ["Password"] = password,
            ["Remember"] = "true",
        }, cancel);
        if (loginStatus != HttpStatusCode.OK || at.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal))
        {
            http.Dispose();
            throw new BenchException($"signing in as {phone} failed ({(int)loginStatus}, ended at {at})");
        }
        Console.Error.WriteLine($"{role} account {phone} made through /account/register, role granted in AspNetUserRoles, signed in again");
        return new WebAccount(http, SeedDb.ToGuid(id));
    }

    static HttpClient Client(Uri address) => new(new SocketsHttpHandler
    {
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = true,
        AutomaticDecompression = DecompressionMethods.All,
        UseProxy = false,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(120),
    };

    /// <summary>GETs the form page for its anti-forgery token, then POSTs the fields (following redirects).</summary>
    static async Task<(HttpStatusCode Status, string Body, Uri At)> PostFormAsync(HttpClient http, string path, Dictionary<string, string> fields, CancellationToken cancel)
    {
        var page = await http.GetStringAsync(path, cancel);
        var token = Token().Match(page);
        if (!token.Success)
        {
            throw new BenchException($"GET {path} has no __RequestVerificationToken");
        }
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["t"].Value);
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields), cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancel), response.RequestMessage?.RequestUri ?? new Uri(http.BaseAddress!, path));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<t>[^\"]+)\"")]
    private static partial Regex Token();

    public void Dispose() => Http.Dispose();
}

/// <summary>Plausible Vietnamese full names for seeded accounts.</summary>
public static class VietnameseNames
{
    static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Nông", "Triệu", "Hà", "Lục", "Bế"];
    static readonly string[] Middle = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thu", "Quang", "Hữu", "Thanh", "Xuân", "Kim"];
    static readonly string[] Given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến"];

    public static string Next(Random random) => $"{Family[random.Next(Family.Length)]} {Middle[random.Next(Middle.Length)]} {Given[random.Next(Given.Length)]}";
}
