using System.Globalization;
using System.Security.Cryptography;
using BinhDanHocVuSo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// A trainer creates accounts in bulk from a CSV or Excel sheet (name, phone, commune, optional group).
/// Every row is checked first; one bad row means nothing is created, and each error names its row.
/// </summary>
public sealed class AccountImport(AppDbContext db, UserManager<AppUser> users, CommuneDirectory communes, AuditLog audit,
    TimeProvider clock, IStringLocalizer<AccountText> text)
{
    public static readonly string[] Columns = ["ho_ten", "so_dien_thoai", "xa_phuong", "nhom"];

    public sealed record Row(int Line, string FullName, string Phone, string Commune, string? Group);

    public sealed record CreatedAccount(string FullName, string Phone, string TemporaryPassword, string? Group);

    public sealed record Outcome(IReadOnlyList<string> Errors, IReadOnlyList<CreatedAccount> Created);

    public async Task<Outcome> ImportAsync(Stream file, string fileName, Guid trainerId, string? onlyCommune)
    {
        List<IDictionary<string, object?>> sheet;
        try
        {
            var type = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ExcelType.XLSX : ExcelType.CSV;
            sheet = [.. MiniExcel.Query(file, useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>()];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(text["ImportBadFile"]);
        }
        if (sheet.Count == 0)
        {
            return Failed(text["ImportEmpty"]);
        }
        var headers = sheet[0].Keys.Select(Normalize).ToHashSet();
        var missing = Columns.Take(3).Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Failed(text["ImportMissingColumn", string.Join(", ", missing)]);
        }

        var errors = new List<string>();
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < sheet.Count; i++)
        {
            var line = i + 2; // line 1 is the header row
            var cells = sheet[i].ToDictionary(c => Normalize(c.Key), c => Convert.ToString(c.Value, CultureInfo.InvariantCulture)?.Trim());
            if (cells.Values.All(string.IsNullOrEmpty))
            {
                continue;
            }
            var name = cells.GetValueOrDefault("ho_ten");
            var phone = PhoneNumber.Normalize(cells.GetValueOrDefault("so_dien_thoai"));
            var commune = FindCommune(cells.GetValueOrDefault("xa_phuong"));
            var rowErrors = new List<string>();
            if (string.IsNullOrWhiteSpace(name) || name.Length > Limits.Title)
            {
                rowErrors.Add(text["FullNameRequired"]);
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
            if (commune is null || (onlyCommune is not null && commune.Id != onlyCommune))
            {
                rowErrors.Add(text["UnknownCommune", cells.GetValueOrDefault("xa_phuong") ?? ""]);
            }
            errors.AddRange(rowErrors.Select(e => text["ImportRowError", line, e].Value));
            if (rowErrors.Count == 0)
            {
                rows.Add(new Row(line, name!, phone!, commune!.Id, NullIfEmpty(cells.GetValueOrDefault("nhom"))));
            }
        }
        var phones = rows.Select(r => r.Phone).ToList();
        var existing = await db.Users.Where(u => phones.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync();
        errors.AddRange(rows.Where(r => existing.Contains(r.Phone)).Select(r => text["ImportRowError", r.Line, text["PhoneAlreadyRegistered"]].Value));
        if (errors.Count > 0)
        {
            return new Outcome(errors, []);
        }
        return new Outcome([], await CreateAllAsync(rows, trainerId));
    }

    async Task<List<CreatedAccount>> CreateAllAsync(List<Row> rows, Guid trainerId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<CreatedAccount>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var groups = new Dictionary<string, GroupRow>();
        foreach (var row in rows)
        {
            var password = TemporaryPassword.New(row.Phone);
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = row.Phone, PhoneNumber = row.Phone, FullName = row.FullName, Commune = row.Commune,
                MustChangePassword = true, CreatedAt = now,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                // Checked above; a failure here is a race with a sign-up, and nothing must stay half-imported.
                throw new InvalidOperationException($"Row {row.Line}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, Roles.Learner);
            if (row.Group is { } groupName)
            {
                var group = await FindOrCreateGroupAsync(groups, groupName, row.Commune, trainerId, now);
                db.GroupMembers.Add(new GroupMemberRow { GroupId = group.Id, LearnerId = user.Id, JoinedAt = now });
            }
            created.Add(new CreatedAccount(row.FullName, row.Phone, password, row.Group));
        }
        audit.Record(trainerId, AuditLog.AccountsImported, null, $"{created.Count} accounts");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return created;
    }

    async Task<GroupRow> FindOrCreateGroupAsync(Dictionary<string, GroupRow> cache, string name, string commune, Guid trainerId, DateTime now)
    {
        if (cache.TryGetValue(name, out var known))
        {
            return known;
        }
        var group = await db.Groups.Where(g => g.Name == name && g.ArchivedAt == null)
            .Where(g => db.GroupTrainers.Any(t => t.GroupId == g.Id && t.TrainerId == trainerId))
            .FirstOrDefaultAsync();
        if (group is null)
        {
            group = new GroupRow { Id = Guid.NewGuid(), Name = name, Commune = commune, JoinCode = JoinCodes.New(), CreatedBy = trainerId, CreatedAt = now };
            db.Groups.Add(group);
            db.GroupTrainers.Add(new GroupTrainerRow { GroupId = group.Id, TrainerId = trainerId });
        }
        cache[name] = group;
        return group;
    }

    Commune? FindCommune(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : communes.Find(value) ?? communes.Provinces.SelectMany(p => p.Communes)
            .FirstOrDefault(c => string.Equals(c.Name, value.Normalize(), StringComparison.CurrentCultureIgnoreCase));

    static string Normalize(string header) => header.Trim().ToLowerInvariant();

    static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    static Outcome Failed(string error) => new([error], []);
}

/// <summary>Short join codes people can type: no 0/O or 1/I to confuse.</summary>
public static class JoinCodes
{
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => string.Create(6, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
