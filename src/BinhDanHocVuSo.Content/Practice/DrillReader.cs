using BinhDanHocVuSo.Content.Markdown;

namespace BinhDanHocVuSo.Content.Practice;

/// <summary>Reads <c>??? drill id=…</c> blocks and the <c>*.drill.yaml</c> banks they draw from.</summary>
internal static class DrillReader
{
    /// <summary>How bank files end.</summary>
    public const string BankSuffix = ".drill.yaml";

    /// <summary>Fewest messages of each verdict a run shows (when the draw is large enough).</summary>
    public const int MinimumOfEachVerdict = 2;

    private static readonly string[] DrillKeys = ["title", "bank", "draw", "pass"];
    private static readonly string[] MessageKeys = ["id", "channel", "from", "text", "verdict", "reason", "theme"];

    /// <summary>Reads a drill block; the bank is checked once the course's banks are read (<see cref="CheckAgainst"/>).</summary>
    public static Drill? Read(string id, string yaml, int fenceLine, List<MarkdownProblem> problems)
    {
        var before = problems.Count;
        if (YamlMap.Load(yaml, fenceLine, problems, $"the drill '{id}'", fenceLine) is not { } root)
        {
            return null;
        }

        var map = new YamlMap(root, fenceLine, problems, $"the drill '{id}'");
        map.RejectUnknown(DrillKeys);
        var title = map.Text("title", required: true, "Tin nào thật, tin nào lừa đảo?");
        var bank = map.Text("bank", required: true, "tin-nhan-lua-dao.drill.yaml");
        var draw = map.Number("draw", 1, 100, "10");
        var pass = map.Number("pass", 1, 100, "8");
        if (bank is not null && (!bank.EndsWith(BankSuffix, StringComparison.Ordinal) || bank.Contains('/') || bank.Contains('\\')))
        {
            map.Report(map.LineOf("bank"), $"'bank: {bank}' must name a file in the course folder whose name ends \"{BankSuffix}\", e.g. \"bank: tin-nhan-lua-dao{BankSuffix}\"");
        }

        if (pass > draw)
        {
            map.Report(map.LineOf("pass"), $"'pass: {pass}' in the drill '{id}' is more than 'draw: {draw}': nobody could pass; lower it");
        }

        return problems.Count > before
            ? null
            : new Drill(id, title!, bank!, draw!.Value, pass!.Value, fenceLine)
            {
                BankLine = map.LineOf("bank"),
                DrawLine = map.LineOf("draw"),
                PassLine = map.LineOf("pass"),
            };
    }

    /// <summary>The checks of a drill that need its bank: the file exists and holds enough messages.</summary>
    public static void CheckAgainst(Drill drill, IReadOnlyDictionary<string, DrillBank?> banks, ErrorList errors)
    {
        if (!banks.TryGetValue(drill.Bank, out var bank))
        {
            var known = banks.Count == 0 ? "the course folder has none" : "the banks are " + string.Join(", ", banks.Keys);
            errors.Add(drill.BankLine, $"the bank file '{drill.Bank}' of the drill '{drill.Id}' does not exist in the course folder ({known})");
            return;
        }

        if (bank is null)
        {
            return; // its own errors are reported at its lines
        }

        if (drill.Draw > bank.Messages.Count)
        {
            errors.Add(drill.DrawLine, $"'draw: {drill.Draw}' in the drill '{drill.Id}' is more than the {bank.Messages.Count} messages of {bank.FileName}: lower it, or add messages");
        }

        var scams = bank.Messages.Count(m => m.IsScam);
        if (drill.Draw >= 2 * MinimumOfEachVerdict && (scams < MinimumOfEachVerdict || bank.Messages.Count - scams < MinimumOfEachVerdict))
        {
            errors.Add(drill.BankLine, $"{bank.FileName} has {scams} scam and {bank.Messages.Count - scams} safe messages: a run shows at least {MinimumOfEachVerdict} of each, so write at least {MinimumOfEachVerdict} of each");
        }
    }

    /// <summary>Reads every <c>*.drill.yaml</c> of a course folder: a bank with errors maps to null (its errors are in <paramref name="allErrors"/>).</summary>
    public static Dictionary<string, DrillBank?> ReadBanks(string directory, string root, List<ContentError> allErrors)
    {
        var banks = new Dictionary<string, DrillBank?>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*" + BankSuffix).Order(StringComparer.Ordinal))
        {
            var errors = new ErrorList(ContentPaths.Relative(root, path));
            banks[Path.GetFileName(path)] = ReadBank(path, errors);
            allErrors.AddRange(errors.Items);
        }

        return banks;
    }

    private static DrillBank? ReadBank(string path, ErrorList errors)
    {
        var file = ContentFile.Read(path, errors);
        if (file is null || errors.Count > 0)
        {
            return null;
        }

        var problems = new List<MarkdownProblem>();
        var name = Path.GetFileName(path);
        var messages = new List<DrillMessage>();
        if (YamlMap.Load(string.Join('\n', file.Lines), 0, problems, $"the bank {name}", 1) is { } root)
        {
            var map = new YamlMap(root, 0, problems, $"the bank {name}");
            map.RejectUnknown(["messages"]);
            var nodes = map.Items("messages", required: true, "id: cong-an-cap-nhat-vneid");
            if (nodes is { Count: 0 })
            {
                map.Report(map.LineOf("messages"), $"the bank {name} has no messages");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in nodes ?? [])
            {
                if (ReadMessage(new YamlMap(node, 0, problems, $"a message of {name}")) is { } message)
                {
                    if (ids.Add(message.Id))
                    {
                        messages.Add(message);
                    }
                    else
                    {
                        problems.Add(new MarkdownProblem(message.Line, $"the message id '{message.Id}' is used twice in {name}: give each message its own id"));
                    }
                }
            }
        }

        foreach (var problem in problems)
        {
            errors.Add(problem.Line, problem.Message);
        }

        return problems.Count > 0 ? null : new DrillBank(name, messages, file.Version);
    }

    private static DrillMessage? ReadMessage(YamlMap map)
    {
        var problems = new List<MarkdownProblem>();
        map.What = map.Peek("id") is { } peeked ? $"the message '{peeked}'" : map.What;
        map.RejectUnknown(MessageKeys);
        var id = map.Slug("id", required: true, "cong-an-cap-nhat-vneid");
        var channelText = map.Text("channel", required: true, "sms");
        DrillChannel? channel = channelText switch
        {
            "sms" => DrillChannel.Sms,
            "zalo" => DrillChannel.Zalo,
            "call" => DrillChannel.Call,
            "notification" => DrillChannel.Notification,
            "email" => DrillChannel.Email,
            null => null,
            _ => Unknown<DrillChannel>(map, "channel", channelText, "sms, zalo, call, notification or email"),
        };
        var from = map.Text("from", required: true, "CONG AN TINH");
        var text = map.Text("text", required: true, "Thong bao: …");
        var verdictText = map.Text("verdict", required: true, "scam");
        bool? isScam = verdictText switch
        {
            "scam" => true,
            "safe" => false,
            null => null,
            _ => Unknown<bool>(map, "verdict", verdictText, "scam or safe"),
        };
        var reason = map.Text("reason", required: true, "Công an không nhắn tin yêu cầu cập nhật nơi cư trú.");
        var theme = map.Has("theme") ? map.Slug("theme", required: true, "vneid-cap-nhat") : id;
        string? reasonHtml = null;
        if (reason is not null)
        {
            reasonHtml = InlineMarkdown.ToHtml(reason.Replace('\n', ' '), map.LineOf("reason"), $"the reason of {map.What}", problems);
            problems.ForEach(problem => map.Report(problem.Line, problem.Message));
        }

        return id is null || channel is null || from is null || text is null || isScam is null || reasonHtml is null || theme is null || problems.Count > 0
            ? null
            : new DrillMessage(id, channel.Value, from, text.TrimEnd(), isScam.Value, reasonHtml, theme, map.Line);
    }

    private static T? Unknown<T>(YamlMap map, string key, string value, string allowed)
        where T : struct
    {
        map.Report(map.LineOf(key), $"unknown {key} '{value}' in {map.What}: write {allowed}");
        return null;
    }
}
