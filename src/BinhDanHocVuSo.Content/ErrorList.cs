namespace BinhDanHocVuSo.Content;

/// <summary>Collects the errors of one file, so that checks only need to say the line and the message.</summary>
internal sealed class ErrorList(string file)
{
    private readonly List<ContentError> _errors = [];

    public string File { get; } = file;

    public int Count => _errors.Count;

    public IReadOnlyList<ContentError> Items => _errors;

    public void Add(int line, string message) => _errors.Add(new ContentError(File, line, message));

    /// <summary>Adds a problem found in another file of the same folder (e.g. a drawing a lesson shows), at that file's line.</summary>
    public void AddBeside(string fileName, int line, string message)
    {
        var slash = File.LastIndexOf('/');
        _errors.Add(new ContentError(slash < 0 ? fileName : File[..(slash + 1)] + fileName, line, message));
    }
}
