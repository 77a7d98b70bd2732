using System.Diagnostics;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// A trainer creates accounts in bulk from a CSV or Excel sheet (name, phone, commune, optional group).
/// Every row is checked first, in the request; one bad row means nothing is created, and each error names its row.
/// The accounts are then written by <see cref="ImportQueue"/> in the background: the passwords of a batch are hashed
/// before its transaction opens (PBKDF2 is slow on purpose), and each batch of <see cref="BatchSize"/> rows is one
/// short transaction, so that quiz answers and sign-ups are never kept waiting for the database's writer. The groups
/// are the <see cref="GroupRoster"/>'s: it finds or creates them and places each committed batch in them.
/// A batch can still fail when a number is registered while the import runs: then every account this import
/// created is deleted again (nobody has seen their passwords: cards are shown only when the import ends) and the
/// rows whose number was taken meanwhile are named, so that "nothing is created" holds to the end.
/// </summary>
public sealed class AccountImport(AppDbContext db, UserManager<AppUser> users, CommuneDirectory communes, AuditLog audit,
    GroupRoster roster, IOptions<AccountsOptions> options, TimeProvider clock, IStringLocalizer<AccountText> text, ILogger<AccountImport> log)
{
    public static readonly string[] Columns = ["ho_ten", "so_dien_thoai", "xa_phuong", "nhom"];

    public const int BatchSize = 100;

    public sealed record Row(int Line, string FullName, string Phone, string Commune, string? Group);

    /// <param name="AboutRows">The errors name rows to fix; otherwise the file as a whole was refused.</param>
    public sealed record Validation(IReadOnlyList<string> Errors, IReadOnlyList<Row> Rows, bool AboutRows = false);

    /// <summary>Reads and checks the whole file, writing nothing.</summary>
    public async Task<Validation> ValidateAsync(byte[] file, string fileName, IReadOnlyList<string>? allowedCommunes, CancellationToken cancellationToken)
    {
        var read = ImportFile.Read(file, fileName, options.Value.MaxImportRows, text);
        if (read.Sheet is not { } sheet)
        {
            return Failed(read.Error!);
        }
        var missing = Columns.Take(3).Where(c => !sheet.Headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Failed(text["ImportMissingColumn", string.Join(", ", missing)]);
        }

        var errors = new List<string>();
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>();
        foreach (var (line, cells) in sheet.Rows)
        {
            var name = cells.GetValueOrDefault("ho_ten")?.Normalize(NormalizationForm.FormC);
            var phone = PhoneNumber.Normalize(cells.GetValueOrDefault("so_dien_thoai"));
            var commune = FindCommune(cells.GetValueOrDefault("xa_phuong"));
            var groupCell = NullIfEmpty(cells.GetValueOrDefault("nhom"));
            string? group = null;
            var rowErrors = new List<string>();
            if (string.IsNullOrWhiteSpace(name) || name.Length > Limits.Title)
            {
                rowErrors.Add(text["FullNameRequired"]);
            }
            else if (name.Any(char.IsControl))
            {
                rowErrors.Add(text["ImportUnprintable", Columns[0]]);
            }
            if (phone is null)
            {
                rowErrors.Add(text["PhoneInvalid"]);
            }
            else if (seen.TryGetValue(phone, out var first))
            {
                rowErrors.Add(text["ImportDuplicateInFile", first]);
            }
            else
            {
                seen[phone] = line;
            }
            if (commune is null)
            {
                rowErrors.Add(text["UnknownCommune", cells.GetValueOrDefault("xa_phuong") ?? ""]);
            }
            else if (allowedCommunes is not null && !allowedCommunes.Contains(commune.Id))
            {
                rowErrors.Add(text["ImportCommuneNotYours", commune.Name]);
            }
            if (groupCell is not null)
            {
                if (GroupName.Clean(groupCell, out var groupName) is GroupName.Problem.None)
                {
                    group = groupName;
                }
                else
                {
                    rowErrors.Add(text["ImportBadGroup", Limits.Title]);
                }
            }
            errors.AddRange(rowErrors.Select(e => text["ImportRowError", line, e].Value));
            if (rowErrors.Count == 0)
            {
                rows.Add(new Row(line, name!, phone!, commune!.Id, group));
            }
        }
        errors.AddRange(await TakenAsync(rows, cancellationToken));
        return errors.Count > 0 ? new Validation(errors, [], AboutRows: true) : new Validation([], rows);
    }

    /// <summary>Creates the accounts of a validated import, batch by batch, reporting progress to the job.</summary>
    public async Task WriteAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var rows = job.Rows;
        var now = clock.GetUtcNow().UtcDateTime;
        var learnerRole = await db.Roles.Where(r => r.NormalizedName == users.NormalizeName(Roles.Learner)).Select(r => r.Id).SingleAsync(cancellationToken);
        var createdUsers = new List<Guid>();
        var createdGroups = new List<Guid>();
        var cards = new List<LoginCard>(rows.Count);
        try
        {
            var groups = await roster.ImportGroupsAsync(job.TrainerId,
                rows.Where(r => r.Group is not null).Select(r => (r.Group!, r.Commune)), createdGroups, cancellationToken);
            foreach (var batch in rows.Chunk(BatchSize))
            {
                var accounts = await PrepareAsync(batch, now, cancellationToken);
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var (row, user, password) in accounts)
                {
                    db.Users.Add(user);
                    db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = learnerRole });
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                createdUsers.AddRange(accounts.Select(a => a.User.Id));
                await roster.PlaceImportedAsync([.. accounts.Where(a => a.Row.Group is not null).Select(a => (groups[a.Row.Group!], a.User.Id))], cancellationToken);
                cards.AddRange(accounts.Select(a => new LoginCard(a.Row.FullName, a.Row.Phone, a.Password, a.Row.Group)));
                await job.ProgressAsync(cards.Count);
            }
            db.ChangeTracker.Clear();
            audit.Record(job.TrainerId, AuditLog.AccountsImported, null, $"{cards.Count} accounts");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Import {ImportId} stopped after {Created} of {Rows} accounts; undoing them", job.Id, createdUsers.Count, rows.Count);
            await UndoAsync(createdUsers, createdGroups);
            var taken = await TakenAsync(rows, CancellationToken.None);
            await job.FailAsync(taken.Count > 0 ? taken : [text["ImportFailed"]]);
            if (e is OperationCanceledException)
            {
                throw;
            }
            return;
        }
        await job.CompleteAsync(cards);
    }

    /// <summary>
    /// New accounts with their one-time passwords, hashed here, outside any transaction. Hashing (PBKDF2) is the costly
    /// part of an import, so it runs on half of the cores and each of them rests as long as it hashed: an import takes
    /// at most a quarter of the machine, and learners' answers keep their latency meanwhile.
    /// </summary>
    async Task<List<(Row Row, AppUser User, string Password)>> PrepareAsync(Row[] batch, DateTime now, CancellationToken cancellationToken)
    {
        var accounts = new (Row, AppUser, string)[batch.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount / 2), CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, batch.Length, parallel, async (i, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var row = batch[i];
            var password = TemporaryPassword.New(row.Phone);
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = row.Phone, NormalizedUserName = users.NormalizeName(row.Phone), PhoneNumber = row.Phone,
                FullName = row.FullName, Commune = row.Commune, MustChangePassword = true, CreatedAt = now,
                SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
                LockoutEnabled = users.Options.Lockout.AllowedForNewUsers,
            };
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            accounts[i] = (row, user, password);
            await Task.Delay(Stopwatch.GetElapsedTime(started), token);
        });
        return [.. accounts];
    }

    /// <summary>Deletes what a stopped import created: its accounts (whose passwords nobody has seen yet) and its new groups.</summary>
    async Task UndoAsync(List<Guid> createdUsers, List<Guid> createdGroups)
    {
        db.ChangeTracker.Clear();
        await roster.UndoImportAsync(createdUsers, createdGroups);
        foreach (var chunk in createdUsers.Chunk(BatchSize))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.UserRoles.Where(r => chunk.Contains(r.UserId)).ExecuteDeleteAsync();
            await db.Users.Where(u => chunk.Contains(u.Id)).ExecuteDeleteAsync();
            await transaction.CommitAsync();
        }
    }

    /// <summary>An error naming each row whose number already has an account.</summary>
    async Task<List<string>> TakenAsync(IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var phones = rows.Select(r => r.Phone).ToList();
        var existing = (await db.Users.Where(u => phones.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync(cancellationToken)).ToHashSet();
        return [.. rows.Where(r => existing.Contains(r.Phone)).Select(r => text["ImportRowError", r.Line, text["PhoneAlreadyRegistered"]].Value)];
    }

    Commune? FindCommune(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : communes.Find(value) ?? communes.Provinces.SelectMany(p => p.Communes)
            .FirstOrDefault(c => string.Equals(c.Name, value.Normalize(), StringComparison.CurrentCultureIgnoreCase));

    static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    static Validation Failed(string error) => new([error], []);
}
