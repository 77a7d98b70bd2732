using System.Text.Json;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// The provinces and communes people choose from at sign-up, after the 2025 two-level reorganisation.
/// One JSON file per province in <c>Accounts:CommunesPath</c> (default <c>Data/Communes</c>).
/// </summary>
public sealed class CommuneDirectory
{
    readonly Dictionary<string, Commune> _byId;

    public CommuneDirectory(IReadOnlyList<Province> provinces)
    {
        Provinces = [.. provinces.Select(p => p with { Communes = [.. p.Communes.OrderByName(c => c.Name)] }).OrderByName(p => p.Name)];
        _byId = Provinces.SelectMany(p => p.Communes).ToDictionary(c => c.Id);
    }

    public IReadOnlyList<Province> Provinces { get; }

    public Commune? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    public string NameOf(string id) => Find(id)?.Name ?? id;

    public static CommuneDirectory Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new StartupException($"Accounts:CommunesPath '{folder}' does not exist; it must hold one JSON file per province (see Data/Communes/cao-bang.json).");
        }
        var provinces = new List<Province>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            try
            {
                using var stream = File.OpenRead(file);
                var data = JsonSerializer.Deserialize<ProvinceFile>(stream, JsonOptions)
                    ?? throw new JsonException("the file is empty");
                var communes = data.Communes.Select(c => new Commune($"{data.Province.Id}/{c.Id}", c.Name, data.Province.Name)).ToList();
                provinces.Add(new Province(data.Province.Id, data.Province.Name, communes));
            }
            catch (JsonException e)
            {
                throw new StartupException($"Commune list {file} is not valid: {e.Message}", e);
            }
        }
        return new CommuneDirectory(provinces);
    }

    static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    sealed record ProvinceFile(NamedItem Province, List<NamedItem> Communes);

    sealed record NamedItem(string Id, string Name);
}

public sealed record Province(string Id, string Name, IReadOnlyList<Commune> Communes);

public sealed record Commune(string Id, string Name, string ProvinceName);
