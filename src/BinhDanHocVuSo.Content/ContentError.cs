namespace BinhDanHocVuSo.Content;

/// <summary>
/// A mistake found in a content file, written for the author who has to fix it.
/// </summary>
/// <param name="File">Path of the file, relative to the content root (e.g. <c>courses/an-toan/01-otp.md</c>).</param>
/// <param name="Line">1-based line in that file; 0 when the problem concerns the whole file or folder.</param>
/// <param name="Message">What is wrong and what to do about it, in plain English.</param>
public sealed record ContentError(string File, int Line, string Message)
{
    /// <summary>Formats the error as <c>file:line: message</c> (or <c>file: message</c> when there is no line).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
