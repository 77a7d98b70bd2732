using System.Globalization;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>Sorts the lines of a quiz block into question drafts, following the syntax in courses/README.md.</summary>
internal static partial class QuizLineReader
{
    private const string LineKinds = "options start with \"- [ ]\" or \"- [x]\", steps with \"1.\", the explanation with \">\"";

    public static List<QuestionDraft> Read(IReadOnlyList<QuizLine> lines, List<MarkdownProblem> problems)
    {
        var drafts = new List<QuestionDraft>();
        QuestionDraft? current = null;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            if (line.Text.StartsWith('?'))
            {
                current = StartQuestion(line, problems);
                drafts.Add(current);
            }
            else if (current is null)
            {
                problems.Add(new MarkdownProblem(line.Number, "text before the first question: a quiz starts with a line like \"? single otp-1\""));
            }
            else if (current.Kind is not null)
            {
                AddLine(current, line, problems);
            }
        }

        return drafts;
    }

    private static QuestionDraft StartQuestion(QuizLine line, List<MarkdownProblem> problems)
    {
        var match = HeaderPattern().Match(line.Text);
        if (!match.Success)
        {
            problems.Add(new MarkdownProblem(line.Number, "a question starts with \"? TYPE ID\", e.g. \"? single otp-1\" (TYPE is single, multiple, truefalse or order)"));
            return new QuestionDraft(null, "", line.Number);
        }

        var type = match.Groups["type"].Value.ToLowerInvariant();
        QuestionKind? kind = type switch
        {
            "single" => QuestionKind.Single,
            "multiple" => QuestionKind.Multiple,
            "truefalse" => QuestionKind.TrueFalse,
            "order" => QuestionKind.Order,
            _ => null,
        };
        if (kind is null)
        {
            problems.Add(new MarkdownProblem(line.Number, $"unknown question type '{type}': use single, multiple, truefalse or order"));
        }

        string? objective = null;
        foreach (var extra in match.Groups["extra"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!extra.StartsWith(ObjectivePrefix, StringComparison.Ordinal) || objective is not null)
            {
                problems.Add(new MarkdownProblem(line.Number, $"unexpected '{extra}' after the question id: the \"?\" line is \"? TYPE ID\", optionally followed by one \"{ObjectivePrefix}OBJECTIVE\""));
                continue;
            }

            objective = extra[ObjectivePrefix.Length..];
            if (!Slugs.IsValid(objective))
            {
                problems.Add(new MarkdownProblem(line.Number, $"objective '{objective}' is not valid: use only lowercase a–z, 0–9 and \"-\", e.g. \"{ObjectivePrefix}nhan-ra-otp\""));
            }
        }

        return new QuestionDraft(kind, match.Groups["id"].Value, line.Number, objective);
    }

    /// <summary>
    /// Reads a <c>! allow RULE-ID: reason</c> line. It belongs right after the "?" line, before the question text,
    /// so that it reads as part of the question's header. "![…](…)" (an image) is not an allowance.
    /// </summary>
    private static void AddAllowance(QuestionDraft draft, QuizLine line, List<MarkdownProblem> problems)
    {
        if (draft.Part != QuestionPart.Prompt || draft.Prompt.Count > 0)
        {
            draft.HasLineProblems = true;
            problems.Add(new MarkdownProblem(line.Number, $"in question '{draft.Id}', an \"! allow\" line must come right after the \"?\" line, before the question text"));
            return;
        }

        var match = AllowancePattern().Match(line.Text);
        if (!match.Success)
        {
            draft.HasLineProblems = true;
            problems.Add(new MarkdownProblem(line.Number, $"in question '{draft.Id}', write an allowance as \"! allow RULE-ID: reason\", e.g. \"! allow few-options: chỉ có hai cách làm\""));
            return;
        }

        var ruleId = match.Groups["rule"].Value;
        var reason = match.Groups["reason"].Value.Trim();
        if (!Slugs.IsValid(ruleId))
        {
            draft.HasLineProblems = true;
            problems.Add(new MarkdownProblem(line.Number, $"in question '{draft.Id}', rule id '{ruleId}' is not valid: rule ids are lowercase words joined by \"-\", e.g. \"few-options\""));
        }
        else if (reason.Length == 0)
        {
            draft.HasLineProblems = true;
            problems.Add(new MarkdownProblem(line.Number, $"in question '{draft.Id}', the allowance of '{ruleId}' has no reason: write why after the colon, e.g. \"! allow {ruleId}: …\""));
        }
        else if (draft.Allowances.Any(a => a.RuleId == ruleId))
        {
            draft.HasLineProblems = true;
            problems.Add(new MarkdownProblem(line.Number, $"in question '{draft.Id}', rule '{ruleId}' is allowed twice: keep one line"));
        }
        else
        {
            draft.Allowances.Add(new LintAllowance(ruleId, reason, line.Number));
        }
    }

    private static void AddLine(QuestionDraft draft, QuizLine line, List<MarkdownProblem> problems)
    {
        if (AllowanceStartPattern().IsMatch(line.Text))
        {
            AddAllowance(draft, line, problems);
        }
        else if (FeedbackPattern().Match(line.Text) is { Success: true } feedback)
        {
            if (draft.Part == QuestionPart.Answers && draft.Steps.Count == 0 && draft.Options.Count > 0)
            {
                draft.Options[^1].Feedback.Add(line with { Text = feedback.Groups["text"].Value });
            }
            else
            {
                draft.HasLineProblems = true;
                problems.Add(new MarkdownProblem(line.Number, $"in question '{draft.Id}', an indented \"  >\" line is feedback and must come right under an option; the explanation starts with \">\" at the start of the line"));
            }
        }
        else if (ExplanationPattern().Match(line.Text) is { Success: true } explanation)
        {
            draft.Part = QuestionPart.Explanation;
            draft.Explanation.Add(line with { Text = explanation.Groups["text"].Value });
        }
        else if (OptionPattern().Match(line.Text) is { Success: true } option)
        {
            if (EnterAnswers(draft, line, problems))
            {
                draft.Options.Add(new OptionDraft(line, option.Groups["mark"].Value is "x" or "X", option.Groups["text"].Value.Trim()));
            }
        }
        else if (StepPattern().Match(line.Text) is { Success: true } step)
        {
            if (EnterAnswers(draft, line, problems))
            {
                var number = int.Parse(step.Groups["number"].Value, CultureInfo.InvariantCulture);
                draft.Steps.Add(new StepDraft(line, number, step.Groups["text"].Value.Trim()));
            }
        }
        else if (BulletPattern().IsMatch(line.Text))
        {
            draft.HasLineProblems = true;
            problems.Add(new MarkdownProblem(line.Number, $"in question '{draft.Id}', an option must start with \"- [ ] \" (a wrong option) or \"- [x] \" (a right option)"));
        }
        else if (draft.Part == QuestionPart.Prompt)
        {
            draft.Prompt.Add(line with { Text = line.Text.Trim() });
        }
        else
        {
            draft.HasLineProblems = true;
            problems.Add(new MarkdownProblem(line.Number, $"unexpected line in question '{draft.Id}': the question text comes right after the \"?\" line; then {LineKinds}"));
        }
    }

    private static bool EnterAnswers(QuestionDraft draft, QuizLine line, List<MarkdownProblem> problems)
    {
        if (draft.Part == QuestionPart.Explanation)
        {
            draft.HasLineProblems = true;
            problems.Add(new MarkdownProblem(line.Number, $"in question '{draft.Id}', options and steps must come before the explanation (the \">\" lines)"));
            return false;
        }

        draft.Part = QuestionPart.Answers;
        return true;
    }

    private const string ObjectivePrefix = "objective=";

    [GeneratedRegex(@"^\?\s+(?<type>\S+)\s+(?<id>\S+)(?<extra>(\s+\S+)*)\s*$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^![ \t]*allow\b")]
    private static partial Regex AllowanceStartPattern();

    [GeneratedRegex(@"^![ \t]*allow[ \t]+(?<rule>[^\s:]+)[ \t]*:(?<reason>.*)$")]
    private static partial Regex AllowancePattern();

    [GeneratedRegex(@"^[ \t]+>[ \t]?(?<text>.*)$")]
    private static partial Regex FeedbackPattern();

    [GeneratedRegex(@"^>[ \t]?(?<text>.*)$")]
    private static partial Regex ExplanationPattern();

    [GeneratedRegex(@"^[ \t]*[-*+][ \t]+\[(?<mark>[ xX])\][ \t]*(?<text>.*)$")]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"^[ \t]*(?<number>\d{1,3})[.)][ \t]+(?<text>.*)$")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"^[ \t]*[-*+][ \t]")]
    private static partial Regex BulletPattern();
}
