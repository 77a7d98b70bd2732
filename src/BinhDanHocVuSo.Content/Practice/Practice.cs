namespace BinhDanHocVuSo.Content.Practice;

/// <summary>How a choice on a practice screen counts: the right way forward, a harmless detour, or a trap that ends the run.</summary>
public enum ChoiceKind
{
    /// <summary>A harmless detour (e.g. "Xem lịch sử"): it goes to another screen and counts neither way.</summary>
    Neutral,

    /// <summary>The right way forward.</summary>
    Right,

    /// <summary>A mistake that would cost money or data in a real app: it ends the run, failed, with its explanation.</summary>
    Trap,
}

/// <summary>A read-only row of a practice screen (recipient name, amount, sender, web address…).</summary>
public sealed record PracticeField(string Label, string Value);

/// <summary>A button of a practice screen.</summary>
/// <param name="LabelHtml">What the button says (inline HTML, already encoded).</param>
/// <param name="Kind">Right, neutral or trap.</param>
/// <param name="Go">Id of the next screen; null for a trap.</param>
/// <param name="ExplainHtml">For a trap, what would have happened and what to do instead; otherwise an optional note shown on the next screen.</param>
/// <param name="Line">1-based line of the choice in the lesson file.</param>
public sealed record PracticeChoice(string LabelHtml, ChoiceKind Kind, string? Go, string? ExplainHtml, int Line)
{
    /// <summary>1-based line of the choice's <c>go</c> key (its own line when it has none).</summary>
    public int GoLine { get; init; }
}

/// <summary>One screen of the simulated phone.</summary>
/// <param name="Id">Unique in its practice.</param>
/// <param name="Title">The screen's header (plain text).</param>
/// <param name="TextHtml">Optional inline HTML under the header.</param>
/// <param name="Fields">Read-only rows.</param>
/// <param name="Choices">Buttons in authored order; empty on an end screen.</param>
/// <param name="IsEnd">Reaching it without a trap passes the run.</param>
/// <param name="ExplainHtml">Closing words of an end screen, or null.</param>
/// <param name="Line">1-based line of the screen in the lesson file.</param>
public sealed record PracticeScreen(
    string Id,
    string Title,
    string? TextHtml,
    IReadOnlyList<PracticeField> Fields,
    IReadOnlyList<PracticeChoice> Choices,
    bool IsEnd,
    string? ExplainHtml,
    int Line);

/// <summary>A simulation of a phone app's flow (<c>??? practice id=…</c>), played screen by screen without risk.</summary>
/// <param name="Id">Slug unique in the course; runs are kept by it.</param>
/// <param name="Title">What the learner practises.</param>
/// <param name="App">The invented practice brand shown in the phone's top bar.</param>
/// <param name="IntroHtml">Optional inline HTML shown above the phone.</param>
/// <param name="Start">Id of the first screen.</param>
/// <param name="Screens">Screens in authored order.</param>
/// <param name="Version">Short hash of the block's text.</param>
/// <param name="Line">1-based line of the <c>??? practice</c> line.</param>
public sealed record Practice(
    string Id,
    string Title,
    string App,
    string? IntroHtml,
    string Start,
    IReadOnlyList<PracticeScreen> Screens,
    string Version,
    int Line)
{
    /// <summary>Most taps a run may take; a longer path is refused (a learner going round in circles starts again).</summary>
    public const int MaxSteps = 200;

    /// <summary>The screen with this id, or null.</summary>
    public PracticeScreen? Screen(string id) => Screens.FirstOrDefault(screen => screen.Id == id);

    /// <summary>
    /// Plays <paramref name="path"/> (the index of the choice tapped on each screen, from <see cref="Start"/>) and says
    /// where it ends. Null when the path is not a possible run: an index that is not a choice of its screen, a tap after
    /// a trap or an end screen, or more than <see cref="MaxSteps"/> taps.
    /// </summary>
    public PracticeWalk? Walk(IReadOnlyList<int> path)
    {
        if (path.Count > MaxSteps)
        {
            return null;
        }

        var screen = Screen(Start)!;
        var rightTaps = 0;
        PracticeChoice? last = null;
        for (var step = 0; step < path.Count; step++)
        {
            var index = path[step];
            if (screen.IsEnd || index < 0 || index >= screen.Choices.Count)
            {
                return null;
            }

            var choice = screen.Choices[index];
            if (choice.Kind == ChoiceKind.Trap)
            {
                return step == path.Count - 1 ? new PracticeWalk(screen, choice, PracticeOutcome.Trapped, rightTaps) : null;
            }

            rightTaps += choice.Kind == ChoiceKind.Right ? 1 : 0;
            last = choice;
            screen = Screen(choice.Go!)!;
        }

        return new PracticeWalk(screen, last, screen.IsEnd ? PracticeOutcome.Passed : PracticeOutcome.Playing, rightTaps);
    }

    /// <summary>Reads a path written as choice indices separated by "." ("0.2.1"; "" is the start). Null when it is not one.</summary>
    public static IReadOnlyList<int>? ParsePath(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var parts = text.Split('.');
        if (parts.Length > MaxSteps)
        {
            return null;
        }

        var path = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 1 || part[0] is < '0' or > '9')
            {
                return null;
            }

            path.Add(part[0] - '0');
        }

        return path;
    }

    /// <summary>Writes a path as <see cref="ParsePath"/> reads it.</summary>
    public static string FormatPath(IEnumerable<int> path) => string.Join('.', path);
}

/// <summary>Where a run stands.</summary>
public enum PracticeOutcome
{
    /// <summary>On a screen with choices.</summary>
    Playing,

    /// <summary>An end screen was reached without a trap: the run passed.</summary>
    Passed,

    /// <summary>A trap was tapped: the run failed.</summary>
    Trapped,
}

/// <summary>The result of playing a path.</summary>
/// <param name="Screen">The screen shown now; for a trap, the screen on which it was tapped.</param>
/// <param name="Last">The last choice tapped (the trap, when trapped), or null at the start.</param>
/// <param name="Outcome">Playing, passed or trapped.</param>
/// <param name="RightTaps">How many right choices were tapped on the way.</param>
public sealed record PracticeWalk(PracticeScreen Screen, PracticeChoice? Last, PracticeOutcome Outcome, int RightTaps)
{
    /// <summary>A step key for the trap that ended the run ("screen-id/choice-index"), or null.</summary>
    public string? TrapKey => Outcome == PracticeOutcome.Trapped && Last is { } trap ? $"{Screen.Id}/{Screen.Choices.ToList().IndexOf(trap)}" : null;
}
