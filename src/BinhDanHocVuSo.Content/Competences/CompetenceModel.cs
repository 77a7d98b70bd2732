namespace BinhDanHocVuSo.Content.Competences;

/// <summary>
/// The competence model (<c>assessments/competences.yaml</c>): domains and their competences.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class CompetenceModel
{
    private readonly Dictionary<string, Competence> _byId;

    /// <summary>Creates a model from domains already read; <paramref name="errors"/> are the problems met while reading.</summary>
    public CompetenceModel(IReadOnlyList<CompetenceDomain> domains, IReadOnlyList<ContentError>? errors = null)
    {
        Domains = domains;
        Competences = [.. domains.SelectMany(domain => domain.Competences)];
        _byId = Competences.DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        Errors = errors ?? [];
    }

    /// <summary>Domains in file order.</summary>
    public IReadOnlyList<CompetenceDomain> Domains { get; }

    /// <summary>All competences of all domains, in file order.</summary>
    public IReadOnlyList<Competence> Competences { get; }

    /// <summary>Problems found in the file; the model holds whatever could be read despite them.</summary>
    public IReadOnlyList<ContentError> Errors { get; }

    /// <summary>Whether a competence with this id (e.g. "4.2") exists.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The competence with this id, or null.</summary>
    public Competence? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Reads the competence model from a YAML file. Errors are reported in <see cref="Errors"/> with the file
    /// (relative to the folder above the file's folder, e.g. <c>assessments/competences.yaml</c>) and line.
    /// </summary>
    public static CompetenceModel Load(string path) => CompetenceModelReader.Read(path);
}
