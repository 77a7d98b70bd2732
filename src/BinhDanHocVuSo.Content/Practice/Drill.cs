namespace BinhDanHocVuSo.Content.Practice;

/// <summary>A scam drill (<c>??? drill id=…</c>): messages drawn from a bank, each sorted into "An toàn" or "Lừa đảo".</summary>
/// <param name="Id">Slug unique in the course; runs are kept by it.</param>
/// <param name="Title">What the drill asks.</param>
/// <param name="Bank">File name of the bank in the course folder (<c>*.drill.yaml</c>).</param>
/// <param name="Draw">How many messages a run shows.</param>
/// <param name="Pass">How many must be sorted right to pass.</param>
/// <param name="Line">1-based line of the <c>??? drill</c> line.</param>
public sealed record Drill(string Id, string Title, string Bank, int Draw, int Pass, int Line)
{
    /// <summary>Line of the <c>bank</c>, <c>draw</c> and <c>pass</c> keys, for the checks made once the course's banks are read.</summary>
    public int BankLine { get; init; }

    /// <inheritdoc cref="BankLine"/>
    public int DrawLine { get; init; }

    /// <inheritdoc cref="BankLine"/>
    public int PassLine { get; init; }
}

/// <summary>Where a drill message was received.</summary>
public enum DrillChannel
{
    /// <summary>A text message.</summary>
    Sms,

    /// <summary>A Zalo chat message.</summary>
    Zalo,

    /// <summary>A phone call, written as a short transcript.</summary>
    Call,

    /// <summary>A notification of an app.</summary>
    Notification,

    /// <summary>An email.</summary>
    Email,
}

/// <summary>One message of a drill bank.</summary>
/// <param name="Id">Slug unique in the bank.</param>
/// <param name="Channel">Where it arrives.</param>
/// <param name="From">The sender as the phone shows it.</param>
/// <param name="Text">The message (plain text, line breaks kept).</param>
/// <param name="IsScam">True for <c>verdict: scam</c>.</param>
/// <param name="ReasonHtml">Why, shown after the learner's choice (inline HTML).</param>
/// <param name="Theme">Grouping slug so that a draw mixes themes; the id when none is given.</param>
/// <param name="Line">1-based line in the bank file.</param>
public sealed record DrillMessage(string Id, DrillChannel Channel, string From, string Text, bool IsScam, string ReasonHtml, string Theme, int Line);

/// <summary>A bank of drill messages: one <c>*.drill.yaml</c> file of a course.</summary>
/// <param name="FileName">The file's name (what a drill's <c>bank:</c> names).</param>
/// <param name="Messages">Messages in authored order.</param>
/// <param name="Version">Short hash of the file's bytes.</param>
public sealed record DrillBank(string FileName, IReadOnlyList<DrillMessage> Messages, string Version)
{
    /// <summary>The message with this id, or null.</summary>
    public DrillMessage? Find(string id) => Messages.FirstOrDefault(message => message.Id == id);
}
