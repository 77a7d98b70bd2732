using System.Text;
using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// The villages file an administrator loads at <c>/admin/villages</c>: CSV (UTF-8) or Excel .xlsx, one village a row,
/// columns <c>xa_phuong</c> (the commune's id as in <c>Data/Communes</c>, e.g. <c>cao-bang/xa-bach-dan</c>),
/// <c>ma_thon</c> (the village's own id: lowercase ASCII letters, digits and <c>-</c>; it never changes),
/// <c>ten_thon</c> (its name) and <c>dan_so_truong_thanh</c> (residents aged 18 and over; may be empty).
/// A village's id is <c>xa_phuong/ma_thon</c>. Every bad row is named with the file and its line; one bad row loads nothing.
/// </summary>
public static partial class VillageFile
{
    public static readonly string[] Columns = ["xa_phuong", "ma_thon", "ten_thon", "dan_so_truong_thanh"];

    /// <summary>More than any village has: a figure above it is a typing error.</summary>
    public const int MaxAdults = 200_000;

    public sealed record Village(string Id, string Commune, string Name, int? Adults, int Line);

    public sealed record Parsed(IReadOnlyList<Village> Villages, IReadOnlyList<string> Errors);

    public static Parsed Parse(ImportFile.Sheet sheet, string fileName, CommuneDirectory communes, IStringLocalizer<SharedResource> text)
    {
        var errors = new List<string>();
        var missing = Columns.Take(3).Where(c => !sheet.Headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return new Parsed([], [text.Field("VillageFileColumns", fileName, string.Join(", ", missing), string.Join(", ", Columns))]);
        }
        var villages = new List<Village>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in sheet.Rows)
        {
            string Cell(string column) => cells.GetValueOrDefault(column)?.Trim() ?? "";
            void Error(string key, params object[] arguments) =>
                errors.Add(text.Field("VillageFileLine", fileName, line, text.Field(key, arguments)));

            var commune = Cell("xa_phuong");
            var code = Cell("ma_thon");
            var name = Cell("ten_thon").Normalize(NormalizationForm.FormC);
            var adultsText = Cell("dan_so_truong_thanh");
            var rowOk = true;
            if (communes.Find(commune) is null)
            {
                Error("VillageUnknownCommune", commune);
                rowOk = false;
            }
            if (!CodePattern().IsMatch(code) || code.Length > Limits.Slug)
            {
                Error("VillageBadCode", code);
                rowOk = false;
            }
            if (name.Length == 0 || name.Length > Data.EntityConfigurations.VillageConfiguration.NameLength || name.Any(char.IsControl))
            {
                Error("VillageBadName", Data.EntityConfigurations.VillageConfiguration.NameLength);
                rowOk = false;
            }
            int? adults = null;
            if (adultsText.Length > 0)
            {
                if (int.TryParse(adultsText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= MaxAdults)
                {
                    adults = value;
                }
                else
                {
                    Error("VillageBadAdults", adultsText, MaxAdults);
                    rowOk = false;
                }
            }
            if (!rowOk)
            {
                continue;
            }
            var id = $"{commune}/{code}";
            if (seen.TryGetValue(id, out var first))
            {
                Error("VillageDuplicate", id, first);
                continue;
            }
            seen[id] = line;
            villages.Add(new Village(id, commune, name, adults, line));
        }
        return new Parsed(errors.Count > 0 ? [] : villages, errors);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
