using BinhDanHocVuSo.Content.Markdown;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.Practice;

/// <summary>Reads the YAML of a <c>??? practice id=…</c> block into a <see cref="Practice"/>, checking every rule of courses/README.md.</summary>
internal static class PracticeReader
{
    public const int MaxScreens = 15;
    public const int MaxChoices = 5;

    private static readonly string[] PracticeKeys = ["title", "app", "intro", "start", "screens"];
    private static readonly string[] ScreenKeys = ["id", "title", "text", "fields", "choices", "end", "explain"];
    private static readonly string[] ChoiceKeys = ["label", "kind", "go", "explain"];
    private static readonly string[] FieldKeys = ["label", "value"];

    /// <param name="id">The id from the opening line.</param>
    /// <param name="yaml">The block's lines.</param>
    /// <param name="fenceLine">File line of <c>??? practice</c>; YAML line n is file line fenceLine + n.</param>
    /// <param name="problems">Where problems go.</param>
    /// <returns>The practice, or null when it has problems.</returns>
    public static Practice? Read(string id, string yaml, int fenceLine, List<MarkdownProblem> problems)
    {
        var before = problems.Count;
        if (YamlMap.Load(yaml, fenceLine, problems, $"the practice '{id}'", fenceLine) is not { } root)
        {
            return null;
        }

        var map = new YamlMap(root, fenceLine, problems, $"the practice '{id}'");
        map.RejectUnknown(PracticeKeys);
        var title = map.Text("title", required: true, "Tập trả tiền bằng mã VietQR");
        var app = map.Text("app", required: true, "Ngân hàng Tập Dượt");
        var intro = Inline(map, "intro");
        var start = map.Slug("start", required: true, "trang-chu");
        var screenNodes = map.Items("screens", required: true, "id: trang-chu");
        if (screenNodes is { Count: 0 })
        {
            map.Report(map.LineOf("screens"), $"the practice '{id}' has no screens: add at least a start screen and an end screen");
        }
        else if (screenNodes is { Count: > MaxScreens })
        {
            map.Report(map.LineOf("screens"), $"the practice '{id}' has {screenNodes.Count} screens: at most {MaxScreens}, split it into two practices");
        }

        var screens = new List<(PracticeScreen Screen, YamlMap Map)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in screenNodes ?? [])
        {
            var screen = ReadScreen(node, fenceLine, problems, id);
            if (screen is null)
            {
                continue;
            }

            if (!ids.Add(screen.Value.Screen.Id))
            {
                screen.Value.Map.Report(screen.Value.Map.LineOf("id"), $"the screen id '{screen.Value.Screen.Id}' is used twice in the practice '{id}': give each screen its own id");
                continue;
            }

            screens.Add(screen.Value);
        }

        if (problems.Count > before)
        {
            return null;
        }

        CheckGraph(id, start!, map, screens, problems);
        if (problems.Count > before)
        {
            return null;
        }

        return new Practice(id, title!, app!, intro, start!, [.. screens.Select(s => s.Screen)], ContentHash.Of(yaml), fenceLine);
    }

    private static (PracticeScreen Screen, YamlMap Map)? ReadScreen(YamlMappingNode node, int offset, List<MarkdownProblem> problems, string practiceId)
    {
        var before = problems.Count;
        var map = new YamlMap(node, offset, problems, $"a screen of the practice '{practiceId}'");
        map.What = map.Peek("id") is { } peeked ? $"the screen '{peeked}'" : map.What;
        map.RejectUnknown(ScreenKeys);
        var screenId = map.Slug("id", required: true, "trang-chu");
        var title = map.Text("title", required: true, "Trang chủ");
        var text = Inline(map, "text");
        var isEnd = map.Flag("end");
        var explain = Inline(map, "explain");
        var fields = new List<PracticeField>();
        foreach (var fieldNode in map.Items("fields", required: false, "label: Số dư") ?? [])
        {
            var field = new YamlMap(fieldNode, offset, problems, $"a field of the screen '{screenId}'");
            field.RejectUnknown(FieldKeys);
            var label = field.Text("label", required: true, "Số dư");
            var value = field.Text("value", required: true, "1.250.000 đ");
            if (label is not null && value is not null)
            {
                fields.Add(new PracticeField(label, value));
            }
        }

        var choices = new List<PracticeChoice>();
        var choiceNodes = map.Items("choices", required: false, "label: Quét mã QR") ?? [];
        if (isEnd && map.Has("choices"))
        {
            map.Report(map.LineOf("choices"), $"the screen '{screenId}' is an end screen (end: true) but has choices: an end screen finishes the run, remove its choices or its \"end: true\"");
        }
        else if (!isEnd && choiceNodes.Count == 0 && problems.Count == before)
        {
            map.Report(map.LineOf("choices"), $"the screen '{screenId}' has no choices: give it 1 to {MaxChoices} choices, or mark it \"end: true\"");
        }
        else if (choiceNodes.Count > MaxChoices)
        {
            map.Report(map.LineOf("choices"), $"the screen '{screenId}' has {choiceNodes.Count} choices: at most {MaxChoices} fit on a phone screen");
        }

        foreach (var choiceNode in choiceNodes)
        {
            if (ReadChoice(choiceNode, offset, problems, screenId) is { } choice)
            {
                choices.Add(choice);
            }
        }

        if (!isEnd && explain is not null)
        {
            map.Report(map.LineOf("explain"), $"'explain' on the screen '{screenId}' is only for end screens (closing words); put a note on the choice that leads here instead");
        }

        return problems.Count > before || screenId is null || title is null
            ? null
            : (new PracticeScreen(screenId, title, text, fields, isEnd ? [] : choices, isEnd, explain, map.Line), map);
    }

    private static PracticeChoice? ReadChoice(YamlMappingNode node, int offset, List<MarkdownProblem> problems, string? screenId)
    {
        var before = problems.Count;
        var map = new YamlMap(node, offset, problems, $"a choice of the screen '{screenId}'");
        map.RejectUnknown(ChoiceKeys);
        var label = Inline(map, "label", required: true);
        var kindText = map.Text("kind", required: false, "right") ?? "neutral";
        ChoiceKind? kind = kindText switch
        {
            "right" => ChoiceKind.Right,
            "neutral" => ChoiceKind.Neutral,
            "trap" => ChoiceKind.Trap,
            _ => null,
        };
        if (kind is null)
        {
            map.Report(map.LineOf("kind"), $"unknown kind '{kindText}' of a choice of the screen '{screenId}': write right, neutral or trap");
        }

        var go = map.Has("go") ? map.Slug("go", required: true, "quet-ma") : null;
        var explain = Inline(map, "explain");
        if (kind == ChoiceKind.Trap && map.Has("go"))
        {
            map.Report(map.LineOf("go"), $"a trap on the screen '{screenId}' has 'go': a trap ends the run, so it goes nowhere; remove \"go\" (its 'explain' says what would have happened)");
        }

        if (kind == ChoiceKind.Trap && explain is null && !map.Has("explain"))
        {
            map.Report(map.Line, $"a trap on the screen '{screenId}' has no 'explain': say what would have happened and what to do instead, e.g. \"explain: Đường link lạ có thể mở trang giả…\"");
        }

        if (kind is ChoiceKind.Right or ChoiceKind.Neutral && !map.Has("go"))
        {
            map.Report(map.Line, $"a {kindText} choice on the screen '{screenId}' has no 'go': name the screen it leads to, e.g. \"go: quet-ma\"");
        }

        return problems.Count > before || label is null || kind is null
            ? null
            : new PracticeChoice(label, kind.Value, go, explain, map.Line) { GoLine = map.LineOf("go") };
    }

    /// <summary>Every go names a screen; every screen is reachable from start; from every screen an end can be reached by right choices.</summary>
    private static void CheckGraph(string id, string start, YamlMap practice, List<(PracticeScreen Screen, YamlMap Map)> screens, List<MarkdownProblem> problems)
    {
        var byId = screens.ToDictionary(s => s.Screen.Id, s => s.Screen, StringComparer.Ordinal);
        if (!byId.ContainsKey(start))
        {
            practice.Report(practice.LineOf("start"), $"'start: {start}' names no screen of the practice '{id}': the screens are {string.Join(", ", byId.Keys)}");
            return;
        }

        var unknown = false;
        foreach (var (screen, _) in screens)
        {
            foreach (var choice in screen.Choices.Where(c => c.Go is not null && !byId.ContainsKey(c.Go)))
            {
                problems.Add(new MarkdownProblem(choice.GoLine, $"'go: {choice.Go}' on the screen '{screen.Id}' names no screen of the practice '{id}': the screens are {string.Join(", ", byId.Keys)}"));
                unknown = true;
            }
        }

        if (unknown)
        {
            return;
        }

        // Reachable from start by any choice that goes somewhere.
        var reachable = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in byId[current].Choices.Where(c => c.Go is not null).Select(c => c.Go!))
            {
                if (reachable.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        // Screens from which an end screen can be reached by right choices only.
        var forward = new HashSet<string>(byId.Values.Where(s => s.IsEnd).Select(s => s.Id), StringComparer.Ordinal);
        if (forward.Count == 0)
        {
            practice.Report(practice.LineOf("screens"), $"the practice '{id}' has no end screen: mark the screen that finishes the task \"end: true\"");
            return;
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var screen in byId.Values.Where(s => !forward.Contains(s.Id)))
            {
                if (screen.Choices.Any(c => c.Kind == ChoiceKind.Right && forward.Contains(c.Go!)))
                {
                    changed = forward.Add(screen.Id);
                }
            }
        }

        // A screen with no way forward makes every screen whose right choices lead only to it stuck too: one mistake, one report.
        var stuck = screens.Where(s => reachable.Contains(s.Screen.Id) && !s.Screen.IsEnd && !forward.Contains(s.Screen.Id)
            && s.Screen.Choices.Any(c => c.Kind == ChoiceKind.Right)).ToList();
        if (stuck.Count > 0)
        {
            var names = string.Join(", ", stuck.Select(s => $"'{s.Screen.Id}'"));
            stuck[^1].Map.Report(stuck[^1].Map.LineOf("id"), $"from the screen{(stuck.Count > 1 ? "s" : "")} {names} no end screen can be reached by right choices: there is no right way forward (check the \"go\" of the right choices, starting with '{stuck[^1].Screen.Id}')");
        }

        foreach (var (screen, map) in screens)
        {
            if (!reachable.Contains(screen.Id))
            {
                map.Report(map.LineOf("id"), $"the screen '{screen.Id}' cannot be reached from the start screen '{start}': no choice has \"go: {screen.Id}\"");
            }
            else if (!screen.IsEnd && screen.Choices.All(c => c.Kind != ChoiceKind.Right))
            {
                map.Report(map.LineOf("id"), $"the screen '{screen.Id}' has no right choice: mark the way forward \"kind: right\" (on a detour such as a history screen, the way back, e.g. \"Quay lại\", is its right choice)");
            }
        }

    }

    /// <summary>An inline Markdown value (bold, italics; a line break in the text stays a line break).</summary>
    private static string? Inline(YamlMap map, string key, bool required = false)
    {
        var text = map.Text(key, required, "…");
        if (text is null)
        {
            return null;
        }

        var problems = new List<MarkdownProblem>();
        var line = map.LineOf(key);
        var lines = text.Split('\n').Select(part => part.Trim()).Where(part => part.Length > 0)
            .Select(part => InlineMarkdown.ToHtml(part, line, $"'{key}' in {map.What}", problems));
        var html = string.Join("<br>\n", lines);
        foreach (var problem in problems)
        {
            map.Report(problem.Line, problem.Message);
        }

        return html;
    }
}
