namespace BinhDanHocVuSo.Content;

/// <summary>Collects the errors of one file, so that checks only need to say the line and the message.</summary>
internal sealed class ErrorList(string file)
{
    private readonly List<ContentError> _errors = [];

    public string File { get; } = file;

    public int Count => _errors.Count;

    public IReadOnlyList<ContentError> Items => _errors;

    public void Add(int line, string message) => _errors.Add(new ContentError(File, line, message));
}
