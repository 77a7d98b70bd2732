using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

public sealed partial class ImportSpec() : PlatformSpec(DatabaseProvider.Sqlite)
{
    const string Header = "ho_ten,so_dien_thoai,xa_phuong,nhom\n";

    [Fact]
    public async Task A_csv_with_broken_rows_names_each_broken_row_and_creates_nobody()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var csv = """
            ho_ten,so_dien_thoai,xa_phuong,nhom
            Nông Văn An,0912 000 001,Phường Thục Phán,Tổ 1
            ,0912000002,cao-bang/phuong-thuc-phan,Tổ 1
            Hoàng Thị Bích,12345,cao-bang/phuong-thuc-phan,
            Lục Văn Cường,+84912000001,cao-bang/phuong-thuc-phan,
            Đàm Thị Dung,0912000005,ha-noi/xa-khong-co,
            """;

        var response = await Upload(trainer, "danh-sach.csv", Encoding.UTF8.GetBytes(csv));
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("Dòng 3: Hãy nhập họ và tên")
            .And.Contain("Dòng 4: Số điện thoại chưa đúng")
            .And.Contain("Dòng 5: Số điện thoại trùng với dòng 2")
            .And.Contain("Dòng 6: Không có xã, phường")
            .And.NotContain("Dòng 2:");
        (await CountAsync(db => db.Users)).Should().Be(1, "only the trainer exists");
        (await CountAsync(db => db.Groups)).Should().Be(0);
    }

    [Fact]
    public async Task A_valid_csv_creates_accounts_in_a_group_and_prints_login_cards_whose_password_must_be_changed()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var csv = Header + "Nông Văn An,0912 000 011,Phường Thục Phán,Tổ 1\nHoàng Thị Bích,0912000012,cao-bang/phuong-thuc-phan,Tổ 1\n";

        var response = await Upload(trainer, "danh-sach.csv", Encoding.UTF8.GetBytes(csv));
        var page = await EndedAsync(trainer, response);
        var password = Regex.Match(page, @"Mật khẩu tạm: <strong>(\d{8})</strong>").Groups[1].Value;
        var learner = Platform.Browser();
        var signIn = await learner.SubmitFormAsync("/account/login", new() { ["Phone"] = "0912000011", ["Password"] = password });
        var home = await learner.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the accounts are created in the background");
        page.Should().Contain("Đã tạo 2 tài khoản").And.Contain("Nông Văn An").And.Contain("0912 000 012");
        signIn.Headers.Location!.ToString().Should().Be("/account/password");
        home.Headers.Location!.ToString().Should().Be("/account/password");
        (await CountAsync(db => db.GroupMembers)).Should().Be(2);
    }

    [Fact]
    public async Task A_valid_excel_sheet_creates_its_accounts()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var sheet = new MemoryStream();
        sheet.SaveAs(new[]
        {
            new { ho_ten = "Nông Văn An", so_dien_thoai = "0912000021", xa_phuong = "cao-bang/phuong-thuc-phan", nhom = "" },
            new { ho_ten = "Hoàng Thị Bích", so_dien_thoai = "0912000022", xa_phuong = "Phường Thục Phán", nhom = "Tổ 2" },
        }, excelType: ExcelType.XLSX);

        var page = await EndedAsync(trainer, await Upload(trainer, "danh-sach.xlsx", sheet.ToArray()));

        page.Should().Contain("Đã tạo 2 tài khoản").And.Contain("Hoàng Thị Bích");
        (await CountAsync(db => db.Users)).Should().Be(3);
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_with_the_limit_named()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));

        var response = await Upload(trainer, "lon.csv", new byte[600 * 1024]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Tệp quá lớn (tối đa 512 KB)");
    }

    [Fact]
    public async Task An_upload_beyond_the_page_s_body_limit_is_refused_before_it_is_read()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));

        var response = await Upload(trainer, "rat-lon.csv", new byte[3 * 1024 * 1024]);

        ((int)response.StatusCode).Should().BeOneOf(400, 413);
        (await response.Content.ReadAsStringAsync()).Should().Contain("quá lớn");
    }

    [Fact]
    public async Task Importing_more_rows_than_the_cap_is_refused_with_the_cap_named()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 2_001; i++)
        {
            csv.Append($"Người {i},09130{i:D5},cao-bang/phuong-thuc-phan,\n");
        }

        var response = await Upload(trainer, "danh-sach.csv", Encoding.UTF8.GetBytes(csv.ToString()));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Tệp có 2001 dòng dữ liệu, quá giới hạn 2000 dòng");
        (await CountAsync(db => db.Users)).Should().Be(1);
    }

    [Fact]
    public async Task A_zip_bomb_spreadsheet_is_refused_without_exhausting_memory()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var bomb = Spreadsheet(rows: 600_000); // about 29 MB of sheet, less than 100 KB zipped
        bomb.Length.Should().BeLessThan(512 * 1024, "it passes the upload limit");

        var response = await Upload(trainer, "danh-sach.xlsx", bomb);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("khi giải nén lớn hơn 20 MB");
    }

    [Fact]
    public async Task A_spreadsheet_whose_parts_understate_their_size_is_refused_as_unreadable()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var bomb = Spreadsheet(rows: 600_000);
        DeclareSmallSizes(bomb);

        var response = await Upload(trainer, "danh-sach.xlsx", bomb);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Không đọc được tệp");
    }

    [Fact]
    public async Task A_spreadsheet_of_a_hundred_thousand_rows_is_read_row_by_row_and_refused_with_the_count_named()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));

        var response = await Upload(trainer, "danh-sach.xlsx", Spreadsheet(rows: 100_000));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Tệp có 100000 dòng dữ liệu, quá giới hạn 2000 dòng");
    }

    [Theory]
    [InlineData("０９１２０００００１")]
    [InlineData("٠٩١٢٠٠٠٠٠١")]
    [InlineData("۰۹۱۲۰۰۰۰۰۱")]
    public void A_number_in_fullwidth_or_arabic_indic_digits_is_not_a_phone_number(string written) =>
        PhoneNumber.Normalize(written).Should().BeNull();

    [Fact]
    public async Task A_number_in_fullwidth_digits_is_refused_with_its_row_named()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var csv = Header + "Nông Văn An,０９１２０００００１,cao-bang/phuong-thuc-phan,\nHoàng Thị Bích,٠٩١٢٠٠٠٠٠٢,cao-bang/phuong-thuc-phan,\n";

        var response = await Upload(trainer, "danh-sach.csv", Encoding.UTF8.GetBytes(csv));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Dòng 2: Số điện thoại chưa đúng").And.Contain("Dòng 3: Số điện thoại chưa đúng");
        (await CountAsync(db => db.Users)).Should().Be(1);
    }

    [Fact]
    public async Task A_cp1258_file_is_refused_with_the_encoding_named()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding(1258).GetBytes(Header + "Nông Văn An,0912000031,cao-bang/phuong-thuc-phan,Tổ 1\n");

        var response = await Upload(trainer, "danh-sach.csv", csv);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Tệp không phải UTF-8 (dòng 2").And.Contain("hãy lưu lại dưới dạng CSV UTF-8");
        (await CountAsync(db => db.Users)).Should().Be(1);
    }

    [Fact]
    public async Task A_utf16_file_with_its_byte_order_mark_is_read()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var csv = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "Nông Văn An,0912000041,cao-bang/phuong-thuc-phan,\n")).ToArray();

        var page = await EndedAsync(trainer, await Upload(trainer, "danh-sach.csv", csv));

        page.Should().Contain("Đã tạo 1 tài khoản").And.Contain("Nông Văn An");
    }

    [Fact]
    public async Task Imported_names_are_stored_in_NFC()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var csv = Header + $"{"Nông Văn An".Normalize(NormalizationForm.FormD)},0912000051,cao-bang/phuong-thuc-phan,{"Tổ Bản Giới".Normalize(NormalizationForm.FormD)}\n";

        await EndedAsync(trainer, await Upload(trainer, "danh-sach.csv", Encoding.UTF8.GetBytes(csv)));

        var (name, group) = await InScope(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            return (await db.Users.Where(u => u.UserName == "0912000051").Select(u => u.FullName).SingleAsync(), await db.Groups.Select(g => g.Name).SingleAsync());
        });
        name.Should().Be("Nông Văn An".Normalize(NormalizationForm.FormC)).And.NotBe("Nông Văn An".Normalize(NormalizationForm.FormD));
        group.Should().Be("Tổ Bản Giới".Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public async Task Import_does_not_hold_the_database_while_hashing()
    {
        var hasher = UseGatedHasher();
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var visitor = Platform.Browser();
        var lesson = await visitor.GetStringAsync("/c/khoa-mau/bai-mot");
        hasher.Close();

        var response = await Upload(trainer, "danh-sach.csv", Rows(250, "0914"));
        await hasher.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var answer = await visitor.PostAsync("/c/khoa-mau/bai-mot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = AttemptId().Match(lesson).Groups[1].Value, ["q.b1-1"] = "b",
        }));
        var progress = await (await trainer.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        hasher.Open();
        var page = await EndedAsync(trainer, response);

        answer.StatusCode.Should().Be(HttpStatusCode.OK, "a quiz answer is saved while the import hashes its passwords");
        progress.Should().Contain("Đã tạo 0/250 tài khoản");
        hasher.Probes.Should().NotBeEmpty().And.OnlyContain(writable => writable, "no transaction is open while a password is hashed");
        page.Should().Contain("Đã tạo 250 tài khoản");
        (await CountAsync(db => db.Users)).Should().Be(251);
    }

    [Fact]
    public async Task A_second_import_waits_its_turn_and_a_trainer_cannot_start_two_at_once()
    {
        var hasher = UseGatedHasher();
        var first = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var second = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        hasher.Close();

        var running = await Upload(first, "mot.csv", Rows(120, "0915"));
        await hasher.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var again = await Upload(first, "hai.csv", Rows(5, "0916"));
        var waiting = await Upload(second, "ba.csv", Rows(5, "0917"));
        var waitingPage = await (await second.GetAsync(waiting.Headers.Location)).Content.ReadAsStringAsync();
        hasher.Open();

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).Should().Contain("Bạn đang có một lượt nhập chưa xong");
        waiting.StatusCode.Should().Be(HttpStatusCode.Redirect);
        waitingPage.Should().Contain("Đang chờ lượt nhập khác xong để tạo 5 tài khoản");
        (await EndedAsync(first, running)).Should().Contain("Đã tạo 120 tài khoản");
        (await EndedAsync(second, waiting)).Should().Contain("Đã tạo 5 tài khoản");
        (await CountAsync(db => db.Users)).Should().Be(2 + 120 + 5);
    }

    [Fact]
    public async Task A_number_registered_during_an_import_stops_it_and_undoes_every_account_it_created()
    {
        var hasher = UseGatedHasher();
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        hasher.Close();

        var response = await Upload(trainer, "danh-sach.csv", Rows(150, "0918", group: "Tổ 9"));
        await hasher.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var signUp = await Platform.Browser().SubmitFormAsync("/account/register", new()
        {
            ["Phone"] = "0918000120", ["FullName"] = "Lò Thị Mai", ["Commune"] = People.Commune, ["Password"] = "482913", ["ConfirmPassword"] = "482913",
        });
        hasher.Open();
        var page = await EndedAsync(trainer, response);

        signUp.StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-up succeeds");
        page.Should().Contain("Dòng 122: Số điện thoại này đã có tài khoản").And.Contain("Chưa tạo tài khoản nào").And.NotContain("Mật khẩu tạm");
        (await CountAsync(db => db.Users)).Should().Be(2, "the trainer and the person who signed up");
        (await CountAsync(db => db.GroupMembers)).Should().Be(0);
        (await CountAsync(db => db.Groups)).Should().Be(0);
    }

    [Fact]
    public async Task Only_the_trainer_who_imported_sees_the_login_cards_and_only_for_two_hours()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var colleague = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var response = await Upload(trainer, "danh-sach.csv", Rows(3, "0919"));
        await EndedAsync(trainer, response);

        var byColleague = await colleague.GetAsync(response.Headers.Location);
        Platform.Clock.Advance(TimeSpan.FromMinutes(119));
        var withinTwoHours = await trainer.GetAsync(response.Headers.Location);
        Platform.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await trainer.GetAsync(response.Headers.Location);

        byColleague.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await byColleague.Content.ReadAsStringAsync()).Should().NotContain("Mật khẩu tạm");
        withinTwoHours.StatusCode.Should().Be(HttpStatusCode.OK);
        withinTwoHours.Headers.CacheControl!.NoStore.Should().BeTrue("the cards carry one-time passwords");
        (await withinTwoHours.Content.ReadAsStringAsync()).Should().Contain("Mật khẩu tạm");
        after.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await after.Content.ReadAsStringAsync()).Should().Contain("Thẻ đăng nhập chỉ được giữ 2 giờ").And.NotContain("Mật khẩu tạm");
    }

    internal static byte[] Rows(int count, string prefix, string? group = null)
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < count; i++)
        {
            csv.Append($"Người nhập {i},{prefix}{i:D6},cao-bang/phuong-thuc-phan,{group}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A real .xlsx whose sheet is replaced by one of many tiny rows: text this repetitive zips a thousandfold.</summary>
    static byte[] Spreadsheet(int rows)
    {
        var file = new MemoryStream();
        file.SaveAs(new[] { new { ho_ten = "x", so_dien_thoai = "0912000000", xa_phuong = "x" } }, excelType: ExcelType.XLSX);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            sheet.Write("""<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>ho_ten</t></is></c><c t="inlineStr"><is><t>so_dien_thoai</t></is></c><c t="inlineStr"><is><t>xa_phuong</t></is></c></row>"""u8);
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("""<row><c t="inlineStr"><is><t>a</t></is></c></row>""", 1000)));
            for (var i = 0; i < rows / 1000; i++)
            {
                sheet.Write(chunk);
            }
            sheet.Write("</sheetData></worksheet>"u8);
        }
        return file.ToArray();
    }

    /// <summary>Rewrites every part's declared uncompressed size, in its local header and the central directory, to 1 KB.</summary>
    static void DeclareSmallSizes(byte[] zip)
    {
        for (var i = 0; i + 30 < zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x03 && zip[i + 3] == 0x04)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), 1024u);
            }
            else if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), 1024u);
            }
        }
    }

    GatedHasher UseGatedHasher()
    {
        var hasher = new GatedHasher(Database.ConnectionString);
        Platform.Dispose();
        Platform = new Platform(Database, testServices: services => services.AddSingleton<IPasswordHasher<AppUser>>(hasher));
        return hasher;
    }

    /// <summary>
    /// A quick password hasher for tests that can hold the hashing of one-time passwords until the test opens it, and
    /// checks at each of them whether another connection can start writing at once (no transaction is held).
    /// </summary>
    internal sealed class GatedHasher(string? connectionString) : IPasswordHasher<AppUser>
    {
        readonly ManualResetEventSlim _open = new(initialState: true);
        readonly System.Collections.Concurrent.ConcurrentQueue<bool> _probes = new();

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public IReadOnlyCollection<bool> Probes => _probes;

        public void Close() => _open.Reset();

        public void Open() => _open.Set();

        public string HashPassword(AppUser user, string password)
        {
            if (OneTimePassword().IsMatch(password))
            {
                if (connectionString is not null)
                {
                    _probes.Enqueue(CanWrite());
                }
                if (!_open.IsSet)
                {
                    Entered.TrySetResult();
                    _open.Wait(TimeSpan.FromSeconds(60));
                }
            }
            return "test:" + password;
        }

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword) =>
            hashedPassword == "test:" + providedPassword ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed;

        bool CanWrite()
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            command.CommandTimeout = 1;
            try
            {
                command.ExecuteNonQuery();
                return true;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
            {
                return false;
            }
        }
    }

    internal static async Task<HttpResponseMessage> Upload(HttpClient browser, string fileName, byte[] content)
    {
        var page = await browser.GetStringAsync("/trainer/import");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "File", fileName },
        };
        return await browser.PostAsync("/trainer/import", form);
    }

    /// <summary>
    /// Follows an accepted upload to its status page until the import has ended, as the page's reload would
    /// (with <paramref name="host"/> as every request's Host header when given).
    /// </summary>
    internal static async Task<string> EndedAsync(HttpClient browser, HttpResponseMessage upload, string? host = null)
    {
        upload.StatusCode.Should().Be(HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
        // A bound on waiting, not a speed check: hashing a batch's passwords on a busy 2-core machine can take a minute.
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (waiting.Elapsed < TimeSpan.FromMinutes(4))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, upload.Headers.Location);
            request.Headers.Host = host;
            var status = await browser.SendAsync(request);
            var page = await status.Content.ReadAsStringAsync();
            status.StatusCode.Should().Be(HttpStatusCode.OK);
            if (!page.Contains("data-refresh="))
            {
                return page;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the import did not end within four minutes");
    }

    [Fact]
    public async Task A_trainer_imports_only_into_the_communes_assigned_to_them()
    {
        var person = await Platform.CreateAsync(Roles.Trainer);
        var trainer = await Platform.SignedInAs(person);
        var csv = Encoding.UTF8.GetBytes(Header + $"Nông Văn An,{People.NewPhone()},{People.OtherCommune},\n");

        var refused = await Upload(trainer, "xa-khac.csv", csv);
        await InScope(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.TrainerCommunes.Add(new TrainerCommuneRow { TrainerId = person.Id, Commune = People.OtherCommune, AssignedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var accepted = await EndedAsync(trainer, await Upload(trainer, "xa-khac.csv", csv));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Dòng 2: Xã Bạch Đằng không thuộc các xã, phường bạn được giao");
        accepted.Should().Contain("Nông Văn An");
    }

    [GeneratedRegex(@"^\d{8}$")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex("name=\"attemptId\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AttemptId();
}

/// <summary>The import's batches and its undo on PostgreSQL, where a failed statement aborts its transaction.</summary>
public sealed class ImportOnPostgresSpec() : PlatformSpec(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task A_valid_csv_creates_its_accounts_in_batches()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));

        var page = await ImportSpec.EndedAsync(trainer, await ImportSpec.Upload(trainer, "danh-sach.csv", ImportSpec.Rows(130, "0916", group: "Tổ 1")));

        page.Should().Contain("Đã tạo 130 tài khoản");
        (await CountAsync(db => db.Users)).Should().Be(131);
        (await CountAsync(db => db.GroupMembers)).Should().Be(130);
    }

    [Fact]
    public async Task A_number_registered_during_an_import_stops_it_and_undoes_every_account_it_created()
    {
        var hasher = new ImportSpec.GatedHasher(null);
        Platform.Dispose();
        Platform = new Platform(Database, testServices: services => services.AddSingleton<IPasswordHasher<AppUser>>(hasher));
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        hasher.Close();

        var response = await ImportSpec.Upload(trainer, "danh-sach.csv", ImportSpec.Rows(150, "0918", group: "Tổ 9"));
        await hasher.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var signUp = await Platform.Browser().SubmitFormAsync("/account/register", new()
        {
            ["Phone"] = "0918000120", ["FullName"] = "Lò Thị Mai", ["Commune"] = People.Commune, ["Password"] = "482913", ["ConfirmPassword"] = "482913",
        });
        hasher.Open();
        var page = await ImportSpec.EndedAsync(trainer, response);

        signUp.StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-up succeeds");
        page.Should().Contain("Dòng 122: Số điện thoại này đã có tài khoản").And.NotContain("Mật khẩu tạm");
        (await CountAsync(db => db.Users)).Should().Be(2, "the trainer and the person who signed up");
        (await CountAsync(db => db.GroupMembers)).Should().Be(0);
        (await CountAsync(db => db.Groups)).Should().Be(0);
    }
}
